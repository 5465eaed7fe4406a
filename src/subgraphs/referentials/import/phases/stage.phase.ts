import { stat } from 'node:fs/promises';
import type { Client } from 'pg';
import { today } from '../../../../kernel/graphql/scalars';
import { VERSION_COLUMNS, type VersionColumn } from '../../entry/entry-columns';
import { searchTextOf } from '../../entry/search-text';
import type { Referential } from '../../referential/referential.entity';
import { pgRunner, withVocabularies } from '../../referential/vocabulary';
import { copyField, copyLines } from '../copy-text';
import type { IssueLog } from '../read/import-issue';
import { rowReader, type ImportRow } from '../read/import-row';
import { applyLabelEndDate } from '../read/label-end-date';
import type { ColumnMapping, ImportFormat } from '../read/layouts';
import { readJson } from '../read/read-json';
import { readDelimited, type ReadProgress, type SourceInfo } from '../read/read-source';

export const STAGING_TABLE = 'import_staging';

/** The staging table's type of each version column (after the file's line number). */
const STAGING_TYPES: Record<VersionColumn, string> = {
  code: 'text not null',
  label: 'text not null',
  parent_code: 'text',
  level: 'int',
  attributes: 'jsonb not null',
  valid_from: 'date',
  valid_to: 'date',
  legal_cells: 'jsonb',
  search_text: 'text not null',
};
const STAGING_COLUMNS = ['line', ...VERSION_COLUMNS];
const UNIQUE_VIOLATION = '23505';

/** A session-private table, gone with the transaction: a killed import leaves nothing behind. */
async function createStaging(client: Client): Promise<void> {
  await client.query(
    `create temp table ${STAGING_TABLE} (line int not null, ${VERSION_COLUMNS.map((column) => `${column} ${STAGING_TYPES[column]}`).join(', ')}) on commit drop`,
  );
}

/**
 * One row of the staging table as a line of COPY text, in STAGING_COLUMNS order. The line, level, code (checked
 * against CODE), dates (parsed) and search text (letters, digits, spaces) cannot hold a character COPY escapes: not tested per row.
 */
const stagingLine = (row: ImportRow): string =>
  `${row.line}\t${row.code}\t${copyField(row.label)}\t${copyField(row.parentCode)}\t${row.level ?? '\\N'}\t${copyField(row.attributes)}\t${row.validFrom ?? '\\N'}\t${row.validTo ?? '\\N'}\t${copyField(row.legalCells)}\t${searchTextOf(row.code, row.label)}\n`;

/**
 * Streams staging lines (made with `stagingLine`, any number per string) into the staging table with COPY: the
 * database's own bulk path, memory flat whatever the file size. Says whether every code is unique.
 */
async function copyRows(client: Client, text: AsyncIterable<string>): Promise<{ uniqueCodes: boolean }> {
  await copyLines(client, STAGING_TABLE, STAGING_COLUMNS, text);
  // Unique nearly always: then the index proves it and the duplicate check needs no query (a second of a million-row
  // import). A savepoint keeps the transaction alive when it is not; the plain index is built instead.
  let uniqueCodes = true;
  await client.query('savepoint staging_index');
  try {
    await client.query(`create unique index on ${STAGING_TABLE} (code)`);
    await client.query('release savepoint staging_index');
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query('rollback to savepoint staging_index');
    await client.query(`create index on ${STAGING_TABLE} (code)`);
    uniqueCodes = false;
  }
  // The checks and the diff join on these three only: statistics on the wide text and JSON columns cost 2/3 of the ANALYZE.
  await client.query(`analyze ${STAGING_TABLE} (code, parent_code, level)`);
  return { uniqueCodes };
}

export interface StageSource {
  path: string;
  /** The name issues are reported under. */
  file: string;
  format: ImportFormat;
  mapping: ColumnMapping;
  /** Whether the mapping came from a file rather than the format's own layout. */
  mappingFile: boolean;
}

/** What the stage phase tells the report as it reads. */
export interface StageProgress {
  rowsRead: number;
  source?: SourceInfo;
}

/**
 * Stage: streams the file (decode, validate each row) into the staging table, reporting the invalid rows to `issues`.
 * One string of COPY text per batch read: a chain of async generators per row cost more than the validation.
 */
export async function stageFile(
  client: Client,
  referential: Referential,
  source: StageSource,
  issues: IssueLog,
  report: StageProgress,
  onProgress?: (rows: number, bytes: { read: number; total: number }) => void,
): Promise<{ uniqueCodes: boolean }> {
  const { path, file, format, mapping } = source;
  await createStaging(client);
  let headerBroken = false;
  const read: ReadProgress = { bytes: 0 };
  const total = (await stat(path)).size;
  // The default layout's columns are optional but code and label; a layout or mapping file names what it needs.
  const usesDefaultLayout = !source.mappingFile && format === 'csv';
  const records =
    format === 'json'
      ? readJson(path, issues, read)
      : readDelimited(
          path,
          issues,
          (info) => {
            report.source = info;
            const named = usesDefaultLayout
              ? [mapping.code, mapping.label]
              : [
                  mapping.code,
                  mapping.label,
                  mapping.parentCode,
                  mapping.level,
                  mapping.validFrom,
                  mapping.validTo,
                  mapping.definedBy,
                  mapping.punishedBy,
                  ...Object.values(mapping.attributes ?? {}),
                ];
            const missing = named.filter((c): c is string => Boolean(c) && !info.columns.includes(c!));
            for (const column of missing)
              issues.add({ file, line: 1, column, reason: `column "${column}" is missing from the header (found: ${info.columns.join(', ')})`, fatal: true });
            headerBroken = missing.length > 0;
          },
          read,
          format === 'natinf' && !source.mappingFile ? 'none' : 'csv',
        );
  // An ENUM drawn from a vocabulary (NATINF nature) accepts the terms of its latest published release.
  const attributeDefinitions = await withVocabularies(pgRunner(client), referential.attributeDefinitions, today());
  // A plain copy: assigning to the entity (or an object inheriting its accessors) would change it for later imports.
  const toRow = rowReader(path, mapping, { code: referential.code, levels: referential.levels, attributeDefinitions } as Referential, issues);
  async function* stagingText(): AsyncGenerator<string> {
    for await (const batch of records) {
      let text = '';
      for (const item of batch) {
        if ('problem' in item) {
          issues.add({ file, line: item.line, reason: item.problem });
          continue;
        }
        report.rowsRead += 1;
        if (report.rowsRead % 5000 === 0) onProgress?.(report.rowsRead, { read: read.bytes, total });
        if (headerBroken) break; // every row would fail the same way: the header issues say it once
        const row = toRow(item);
        if (row) text += stagingLine(format === 'nac' ? applyLabelEndDate(row) : row);
      }
      if (text) yield text;
      if (headerBroken) return;
    }
    onProgress?.(report.rowsRead, { read: total, total });
  }
  return copyRows(client, stagingText());
}
