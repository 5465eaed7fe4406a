import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse';

export interface CsvRow {
  /** 1-based line of the record in the file, for error messages. */
  line: number;
  values: Record<string, string>;
}

/** Raised for any unreadable row; the message names the file and line. */
export class CsvFormatError extends Error {}

/** Streams a `;`-separated file (UTF-8 unless told, e.g. `latin1` for NATINF) with a header row, one record at a time. */
export async function* readCsv(path: string, requiredColumns: readonly string[], delimiter = ';', encoding: BufferEncoding = 'utf8'): AsyncGenerator<CsvRow> {
  const file = basename(path);
  const parser = createReadStream(path, { encoding }).pipe(
    // Both line endings, even mixed: files pass through spreadsheets and editors before reaching us.
    parse({ delimiter, columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, record_delimiter: ['\r\n', '\n'] }),
  );
  let checkedHeader = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checkedHeader) {
        const missing = requiredColumns.filter((c) => !(c in record));
        if (missing.length) throw new CsvFormatError(`${file}:1: missing column(s) ${missing.join(', ')}`);
        checkedHeader = true;
      }
      yield { line: info.lines, values: record };
    }
  } catch (error) {
    if (error instanceof CsvFormatError) throw error;
    const { lines, code, record } = error as { lines?: number; code?: string; record?: unknown[] };
    const reason =
      code === 'CSV_RECORD_INCONSISTENT_COLUMNS' && record
        ? `expected ${requiredColumns.length} columns separated by "${delimiter}", found ${record.length}`
        : (error as Error).message;
    throw new CsvFormatError(`${file}${lines ? `:${lines}` : ''}: ${reason}`);
  }
}
