import type { Client } from 'pg';
import type { LegalReferenceTally } from '../../legal-reference/legal-reference-report';
import { cellsToRows } from '../../legal-reference/legal-reference.rows';
import { ENTRY_COLUMN as entry, ENTRY_TABLE, VERSION_COLUMNS } from '../../entry/entry-columns';
import { copyField, copyLines } from '../copy-text';
import { CHANGES_TABLE } from './diff.phase';
import { LEGAL_REFERENCE_COLUMNS } from '../../legal-reference/legal-reference.repository';

export interface ReleaseWritten {
  number: number;
  status: 'DRAFT' | 'PUBLISHED';
}

/** Write: the diff as release N, new versions for added and changed codes, end-dated versions for gone ones. */
export async function writeRelease(
  client: Client,
  referential: string,
  today: string,
  options: { publish: boolean; actor: string; notes: string },
): Promise<ReleaseWritten> {
  const number = Number(
    (await client.query<{ n: number }>('select coalesce(max(number), 0) + 1 as n from referential_release where referential_code = $1', [referential])).rows[0]
      .n,
  );
  const status = options.publish ? 'PUBLISHED' : 'DRAFT';
  await client.query(
    `insert into referential_release (referential_code, number, status, notes, created_by, published_by, published_at)
    values ($1, $2, $3, $4, $5, $6, $7)`,
    [referential, number, status, options.notes, options.actor, options.publish ? options.actor : null, options.publish ? new Date() : null],
  );
  const into = `insert into ${ENTRY_TABLE} (${entry.referentialCode}, ${entry.recordedIn}, ${VERSION_COLUMNS.join(', ')})`;
  await client.query(`${into} select $1, $2, ${VERSION_COLUMNS.join(', ')} from ${CHANGES_TABLE} where not gone order by code`, [referential, number]);
  const endDated = VERSION_COLUMNS.map((column) => (column === entry.validTo ? '$3::date' : column));
  await client.query(`${into} select $1, $2, ${endDated.join(', ')} from ${CHANGES_TABLE} where gone order by code`, [referential, number, today]);
  await client.query(
    `update ${ENTRY_TABLE} set ${entry.supersededIn} = $1 where ${entry.id} in (select cur_id from ${CHANGES_TABLE} where cur_id is not null)`,
    [number],
  );
  return { number, status };
}

const BATCH = 5_000;

/**
 * Parses the legal cells of the versions just written and COPYs the articles, a batch at a time through one cursor:
 * a single pass over the release (keyset batches re-scanned it: quadratic on a million rows), memory flat.
 */
export async function writeLegalReferences(client: Client, referential: string, number: number, tally?: LegalReferenceTally): Promise<void> {
  await client.query(
    `declare legal_cells no scroll cursor for select ${entry.id} as id, ${entry.legalCells} as legal_cells from ${ENTRY_TABLE}
    where ${entry.referentialCode} = $1 and ${entry.recordedIn} = $2 and ${entry.legalCells} is not null`,
    [referential, number],
  );
  for (;;) {
    const { rows } = await client.query<{ id: string; legal_cells: { definedBy: string | null; punishedBy: string | null } }>(
      `fetch ${BATCH} from legal_cells`,
    );
    if (rows.length === 0) break;
    // Made lazily, so that the database inserts one chunk while the next is parsed (text built before the COPY
    // made the phase 1.5x slower); no escape test on the id, enums, numbers, booleans and dates.
    await copyLines(
      client,
      'legal_reference',
      [...LEGAL_REFERENCE_COLUMNS],
      (function* () {
        for (const { id, legal_cells } of rows) {
          let text = '';
          for (const r of cellsToRows(legal_cells)) {
            tally?.add(r);
            text += `${id}\t${r.role}\t${r.position}\t${copyField(r.raw)}\t${r.parsed}\t${r.textKind ?? '\\N'}\t${copyField(r.text)}\t${copyField(r.codeMnemonic)}\t${copyField(r.textNumber)}\t${r.textDate ?? '\\N'}\t${copyField(r.article)}\t${copyField(r.paragraphs)}\n`;
          }
          if (text) yield text;
        }
      })(),
    );
  }
  await client.query('close legal_cells');
}
