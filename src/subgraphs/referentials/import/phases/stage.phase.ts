import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { searchTextOf } from '../../entry/search-text';
import type { ImportRow } from '../read/import-row';

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
const UNIQUE_VIOLATION = '23505';

/** Groups COPY lines into ~64 KiB chunks: one socket write per line costs more than the database's whole COPY. */
export async function* chunked(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
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

export const STAGING_COLUMNS = ['line', 'code', 'label', 'parent_code', 'level', 'attributes', 'valid_from', 'valid_to', 'legal_cells', 'search_text'];

/** A session-private table, gone with the transaction: a killed import leaves nothing behind. */
export async function createStaging(client: Client): Promise<void> {
  await client.query(`create temp table import_staging (line int not null, code text not null, label text not null, parent_code text, level int,
    attributes jsonb not null, valid_from date, valid_to date, legal_cells jsonb, search_text text not null) on commit drop`);
}

/**
 * One row of the staging table as a line of COPY text. The line, level, code (checked against CODE), dates
 * (parsed) and search text (letters, digits, spaces) cannot hold a character COPY escapes: not tested per row.
 */
export const stagingLine = (row: ImportRow): string =>
  `${row.line}\t${row.code}\t${copyField(row.label)}\t${copyField(row.parentCode)}\t${row.level ?? '\\N'}\t${copyField(row.attributes)}\t${row.validFrom ?? '\\N'}\t${row.validTo ?? '\\N'}\t${copyField(row.legalCells)}\t${searchTextOf(row.code, row.label)}\n`;

/**
 * Streams staging lines (made with `stagingLine`, any number per string) into the staging table with COPY: the
 * database's own bulk path, memory flat whatever the file size. Says whether every code is unique.
 */
export async function copyRows(client: Client, text: AsyncIterable<string>): Promise<{ uniqueCodes: boolean }> {
  await copyLines(client, 'import_staging', STAGING_COLUMNS, text);
  // Unique nearly always: then the index proves it and the duplicate check needs no query (a second of a million-row
  // import). A savepoint keeps the transaction alive when it is not; the plain index is built instead.
  let uniqueCodes = true;
  await client.query('savepoint staging_index');
  try {
    await client.query('create unique index on import_staging (code)');
    await client.query('release savepoint staging_index');
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query('rollback to savepoint staging_index');
    await client.query('create index on import_staging (code)');
    uniqueCodes = false;
  }
  // The checks and the diff join on these three only: statistics on the wide text and JSON columns cost 2/3 of the ANALYZE.
  await client.query('analyze import_staging (code, parent_code, level)');
  return { uniqueCodes };
}
