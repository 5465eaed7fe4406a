import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { DelimitedParser, DelimitedSyntaxError, type DelimitedRecord } from './delimited.parser';
import { decoder, detectEncoding, detectSeparator, UndecodableError, type SourceEncoding } from './decode';
import type { IssueLog } from './import-issue';
import { UnquotedLineParser } from './unquoted-line.parser';

export interface SourceRecord {
  line: number;
  values: Record<string, string | undefined>;
}

/** A record the reader could not turn into values: it travels with the records so issues keep file order. */
export interface SourceProblem {
  line: number;
  problem: string;
}

export type SourceItem = SourceRecord | SourceProblem;

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
 * Streams a delimited file, one batch of records per chunk read (an await per row cost more than the parsing),
 * whatever its encoding and separator; a record with the wrong number of fields is reported (file, line) and
 * skipped, never guessed at.
 */
export async function* readDelimited(
  path: string,
  issues: IssueLog,
  info: (i: SourceInfo) => void,
  progress: ReadProgress = { bytes: 0 },
  quoting: 'csv' | 'none' = 'csv',
): AsyncGenerator<SourceItem[]> {
  const file = basename(path);
  const start = await head(path);
  const encoding = detectEncoding(start);
  const firstLine = new TextDecoder(encoding)
    .decode(start)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0];
  const separator = detectSeparator(firstLine);
  const text = decoder(encoding);
  // The ministry's files are never quoted: a `"` is text there (`LE PANNEAU "STOP" A`).
  const parser = quoting === 'none' ? new UnquotedLineParser(separator) : new DelimitedParser(separator);
  let columns: string[] | undefined;
  const toItems = (records: DelimitedRecord[]): SourceItem[] => {
    const items: SourceItem[] = [];
    for (const { line, fields } of records) {
      if (!columns) {
        columns = fields.map((c) => c.trim());
        info({ encoding, separator, columns });
      } else if (fields.length !== columns.length) {
        items.push({ line, problem: `expected ${columns.length} columns separated by "${separator}", found ${fields.length}` });
      } else {
        const values: Record<string, string> = {};
        for (let i = 0; i < fields.length; i++) values[columns[i]] = fields[i];
        items.push({ line, values });
      }
    }
    return items;
  };
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      progress.bytes += chunk.length;
      yield toItems(parser.push(text.decode(chunk)));
    }
    yield toItems([...parser.push(text.end()), ...parser.end()]);
  } catch (error) {
    const line = error instanceof UndecodableError || error instanceof DelimitedSyntaxError ? error.line : 0;
    issues.add({ file, line, reason: (error as Error).message, fatal: true });
  }
}
