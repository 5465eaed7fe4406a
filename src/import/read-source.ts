import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import { decoder, detectEncoding, detectSeparator, UndecodableError, type SourceEncoding } from './decode';
import type { IssueLog } from './import-issue';

export interface SourceRecord {
  line: number;
  values: Record<string, string | undefined>;
}

/** Bytes of the file read so far, updated by the readers as chunks arrive (for progress and ETA). */
export interface ReadProgress {
  bytes: number;
}

export interface SourceInfo {
  encoding: SourceEncoding;
  separator: string;
  columns: string[];
}

const HEAD_BYTES = 64 * 1024;

async function head(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Streams a delimited file record by record, whatever its encoding and separator; a record with the wrong number
 * of fields is reported (file, line) and skipped, never guessed at.
 */
export async function* readDelimited(path: string, issues: IssueLog, info: (i: SourceInfo) => void, progress: ReadProgress = { bytes: 0 }): AsyncGenerator<SourceRecord> {
  const file = basename(path);
  const start = await head(path);
  const encoding = detectEncoding(start);
  const firstLine = new TextDecoder(encoding).decode(start).replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const separator = detectSeparator(firstLine);
  const source = createReadStream(path);
  source.on('data', (chunk) => void (progress.bytes += chunk.length));
  const decoded = source.pipe(decoder(encoding));
  const parser = decoded.pipe(
    parse({ delimiter: separator, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true, record_delimiter: ['\r\n', '\n'] }),
  );
  // .pipe() does not forward errors: a decoding failure must end the parse, not leave it waiting.
  decoded.on('error', (error) => parser.destroy(error));
  let columns: string[] | undefined;
  try {
    for await (const { record, info: position } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        columns = record.map((c) => c.trim());
        info({ encoding, separator, columns });
        continue;
      }
      if (record.length !== columns.length) {
        issues.add({ file, line: position.lines, reason: `expected ${columns.length} columns separated by "${separator}", found ${record.length}` });
        continue;
      }
      yield { line: position.lines, values: Object.fromEntries(columns.map((c, i) => [c, record[i]])) };
    }
  } catch (error) {
    const line = error instanceof UndecodableError ? error.line : ((error as { lines?: number }).lines ?? 0);
    issues.add({ file, line, reason: error instanceof UndecodableError ? error.message : (error as Error).message });
  }
}
