import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import type { IssueLog } from './import-issue';
import type { ReadProgress, SourceItem, SourceRecord } from './read-source';

const NEWLINE = 0x0a;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Counts lines up to a byte offset of the stream, moving forward only (tokens come in order). */
class LineCounter {
  private line = 1;
  private offset = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private chunkStart = 0;

  feed(chunk: Buffer): void {
    this.lineAt(this.chunkStart + this.chunk.length);
    this.chunkStart += this.chunk.length;
    this.chunk = chunk;
  }

  lineAt(offset: number): number {
    const end = Math.min(offset, this.chunkStart + this.chunk.length);
    for (; this.offset < end; this.offset++) {
      if (this.chunk[this.offset - this.chunkStart] === NEWLINE) this.line++;
    }
    return this.line;
  }
}

/** Turns one array element into the record the column mappings read (`attributes.<name>` for attributes). */
function toRecord(line: number, item: Record<string, unknown>): SourceRecord {
  const { attributes, ...fields } = item;
  const values: Record<string, string | undefined> = {};
  const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));
  for (const [key, value] of Object.entries(fields)) values[key] = text(value);
  for (const [key, value] of Object.entries((attributes ?? {}) as Record<string, unknown>)) values[`attributes.${key}`] = text(value);
  return { line, values };
}

/**
 * A JSON array of entries, streamed element by element (memory flat whatever the file size); each record carries
 * the line its element starts on, so problems are reported like a CSV file's. One batch per chunk read.
 */
export async function* readJson(path: string, issues: IssueLog, progress: ReadProgress = { bytes: 0 }): AsyncGenerator<SourceItem[]> {
  const file = basename(path);
  const lines = new LineCounter();
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.*'], keepStack: false });
  const startLines: number[] = [];
  // Records and misfit elements in file order, so problems are reported in the order of their lines.
  let ready: SourceItem[] = [];
  let depth = 0;
  let rootChecked = false;
  let lastOffset = 0;
  tokenizer.onToken = (info) => {
    lastOffset = info.offset;
    if (!rootChecked) {
      rootChecked = true;
      if (info.token !== TokenType.LEFT_BRACKET) throw new Error('expected an array of entries');
    }
    // An element of the root array starts with the first token seen at depth 1 that is not a separator.
    if (depth === 1 && info.token !== TokenType.COMMA && info.token !== TokenType.RIGHT_BRACKET) startLines.push(lines.lineAt(info.offset));
    if (info.token === TokenType.LEFT_BRACE || info.token === TokenType.LEFT_BRACKET) depth++;
    else if (info.token === TokenType.RIGHT_BRACE || info.token === TokenType.RIGHT_BRACKET) depth--;
    parser.write(info);
  };
  parser.onValue = ({ value }) => {
    const line = startLines.shift() ?? 0;
    if (value && typeof value === 'object' && !Array.isArray(value)) ready.push(toRecord(line, value as Record<string, unknown>));
    else ready.push({ line, problem: 'element is not an object' });
  };
  const drain = (): SourceItem[] => {
    const batch = ready;
    ready = [];
    return batch;
  };
  let first = true;
  try {
    for await (const data of createReadStream(path)) {
      let chunk = data as Buffer;
      progress.bytes += chunk.length;
      if (first && UTF8_BOM.every((b, i) => chunk[i] === b)) chunk = chunk.subarray(3);
      first = false;
      lines.feed(chunk);
      tokenizer.write(chunk);
      yield drain();
    }
    if (!rootChecked) throw new Error('the file is empty');
    tokenizer.end();
    // The tokenizer ends happily between two tokens: a file cut after "[" or after an element is caught here.
    if (depth > 0) throw new Error(`the file ends before its array is closed (after byte ${lastOffset}: truncated?)`);
    yield drain();
  } catch (error) {
    issues.add({ file, line: lines.lineAt(lastOffset), reason: `not a JSON array of entries: ${(error as Error).message}`, fatal: true });
  }
}
