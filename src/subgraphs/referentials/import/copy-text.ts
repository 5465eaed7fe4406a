import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** COPY text format: tab-separated, backslash-escaped, \N for null. */
export const copyField = (value: unknown): string => {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  // Most fields have nothing to escape: one test instead of four replaces.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
};

const CHUNK = 64 * 1024;

/** Groups COPY lines into ~64 KiB chunks: one socket write per line costs more than the database's whole COPY. */
async function* chunked(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Streams lines of COPY text into `table (columns)`. */
export async function copyLines(client: Client, table: string, columns: readonly string[], lines: AsyncIterable<string> | Iterable<string>): Promise<void> {
  await pipeline(Readable.from(chunked(lines)), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
}
