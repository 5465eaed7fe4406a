import type { Client } from 'pg';
import type { LegalReferenceTally } from '../../legal-reference/legal-reference-report';
import { cellsToRows } from '../../legal-reference/legal-reference.rows';
import { MAX_LEVEL } from '../../entry/entry-rules';
import { hierarchyProblems } from '../../entry/hierarchy-check';
import type { IssueLog } from '../read/import-issue';
import { copyField, copyLines } from './stage.phase';

export interface DiffCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** How many changed entries differ in each field. */
  fields: Record<string, number>;
  /** A few changed codes, for the report. */
  sample: string[];
}

export interface ReleaseWritten {
  number: number;
  status: 'DRAFT' | 'PUBLISHED';
}

const FIELDS = ['label', 'parent_code', 'level', 'attributes', 'valid_from', 'valid_to', 'legal_cells'];
const DIFFERS = (f: string) => `s.${f} is distinct from c.${f}`;

/** Duplicate codes (unless the staging index proved there are none), found in SQL so that memory stays flat. */
export async function crossRowChecks(client: Client, file: string, issues: IssueLog, columns: { code: string }, staged: { uniqueCodes: boolean }): Promise<void> {
  if (!staged.uniqueCodes) {
    const duplicates = await client.query<{ code: string; lines: number[] }>(
      'select code, array_agg(line order by line) as lines from import_staging group by code having count(*) > 1 order by min(line) limit 10000');
    for (const { code, lines } of duplicates.rows) {
      for (const line of lines.slice(1)) issues.add({ file, line, column: columns.code, reason: `duplicate code "${code}" (first at line ${lines[0]})` });
    }
  }
}

/**
 * Fills missing levels from the hierarchy (1 at the top), then checks the hierarchy with the rules a steward's
 * draft is held to (`hierarchyProblems`): missing parents, cycles, levels that contradict the parent's.
 */
export async function settleLevels(client: Client, file: string, issues: IssueLog, columns: { parentCode?: string; level?: string }): Promise<void> {
  await client.query(`with recursive tree as (
      select code, 1 as depth from import_staging where parent_code is null
      union all select s.code, t.depth + 1 from import_staging s join tree t on s.parent_code = t.code where t.depth < ${MAX_LEVEL})
    update import_staging s set level = t.depth from tree t where t.code = s.code and s.level is null`);
  const problems = await hierarchyProblems(async (sql, params) => (await client.query(sql, params)).rows, 'select line, code, parent_code, level from import_staging', []);
  for (const p of problems) issues.add({ file, line: p.line ?? 0, column: p.field === 'parentCode' ? columns.parentCode : columns.level, reason: p.reason });
}

/**
 * For a layout without validity columns (the official NATINF and NAC files): a listed entry keeps its validity
 * start and an end still to come, which the file cannot say; an entry that had ended is listed in force again.
 * So an export (which lists what has not ended) re-imports as "no change" whatever the list's history.
 * A date the file does state (a NAC end date read from its label) is kept.
 */
export async function carryValidity(client: Client, referential: string, base: number, today: string): Promise<void> {
  await client.query(`update import_staging s set valid_from = coalesce(s.valid_from, c.valid_from), valid_to = coalesce(s.valid_to, case when c.valid_to > $3::date then c.valid_to end)
    from referential_entry c where c.referential_code = $1 and c.code = s.code and c.recorded_in <= $2 and (c.superseded_in is null or c.superseded_in > $2)`, [referential, base, today]);
}

const ENTRY_COLUMNS = ['code', 'label', 'parent_code', 'level', 'attributes', 'valid_from', 'valid_to', 'legal_cells', 'search_text'];

/**
 * Compares the staged file with release `base` (the latest published; 0 when none), in SQL, against its live versions: copying them all into a temp table first cost more than the comparison. One full join finds the
 * added, changed and gone codes in a single pass over each side (temp table `changes`: the file's values, or
 * the current version's for a gone code); each changed row carries the fields that differ.
 */
export async function diffWithPublished(client: Client, referential: string, base: number, today: string): Promise<DiffCounts> {
  await client.query(`create temp table changes on commit drop as
    select s.line is null as gone, c.id as cur_id, ${ENTRY_COLUMNS.map((f) => `case when s.line is null then c.${f} else s.${f} end as ${f}`).join(', ')},
      array_remove(array[${FIELDS.map((f) => `case when s.line is not null and c.id is not null and ${DIFFERS(f)} then '${f}' end`).join(', ')}], null) as changed_fields
    from import_staging s full join (select * from referential_entry c where c.referential_code = $1 and c.recorded_in <= $2 and (c.superseded_in is null or c.superseded_in > $2)) c on c.code = s.code
    where (s.line is null and (c.valid_to is null or c.valid_to > $3)) or (s.line is not null and (c.id is null or ${FIELDS.map(DIFFERS).join(' or ')}))`, [referential, base, today]);
  // One pass over changes for the counts: it holds every row of a first import.
  const { rows: [totals] } = await client.query(`select count(*) filter (where not gone and cur_id is null)::int as added, count(*) filter (where not gone and cur_id is not null)::int as changed,
    count(*) filter (where gone)::int as removed, ((select count(*) from import_staging) - count(*) filter (where not gone))::int as unchanged,
    jsonb_build_object(${FIELDS.map((f) => `'${f}', count(*) filter (where '${f}' = any(changed_fields))`).join(', ')}) as fields,
    (select coalesce(array_agg(code order by code), '{}') from (select code from changes where not gone and cur_id is not null order by code limit 20) x) as sample
    from changes`);
  // In FIELDS order, as before, whatever order the database aggregated them in.
  const fields = Object.fromEntries(FIELDS.filter((f) => totals.fields[f] > 0).map((f) => [f, totals.fields[f] as number]));
  return { added: totals.added, changed: totals.changed, removed: totals.removed, unchanged: totals.unchanged, fields, sample: totals.sample };
}

/** Writes the diff as release N: new versions for added and changed codes, end-dated versions for gone ones. */
export async function writeRelease(client: Client, referential: string, today: string, options: { publish: boolean; actor: string; notes: string }): Promise<ReleaseWritten> {
  const number = Number((await client.query<{ n: number }>('select coalesce(max(number), 0) + 1 as n from referential_release where referential_code = $1', [referential])).rows[0].n);
  const status = options.publish ? 'PUBLISHED' : 'DRAFT';
  await client.query(`insert into referential_release (referential_code, number, status, notes, created_by, published_by, published_at)
    values ($1, $2, $3, $4, $5, $6, $7)`, [referential, number, status, options.notes, options.actor, options.publish ? options.actor : null, options.publish ? new Date() : null]);
  const columns = ENTRY_COLUMNS.join(', ');
  await client.query(`insert into referential_entry (referential_code, recorded_in, ${columns}) select $1, $2, ${columns} from changes where not gone order by code`, [referential, number]);
  await client.query(`insert into referential_entry (referential_code, recorded_in, ${columns})
    select $1, $2, code, label, parent_code, level, attributes, valid_from, $3::date, legal_cells, search_text from changes where gone order by code`, [referential, number, today]);
  await client.query(`update referential_entry set superseded_in = $1 where id in (select cur_id from changes where cur_id is not null)`, [number]);
  return { number, status };
}

const BATCH = 5_000;
const LEGAL_COLUMNS = ['entry_id', 'role', 'position', 'raw', 'parsed', 'text_kind', 'text', 'code_mnemonic', 'text_number', 'text_date', 'article', 'paragraphs'];

/**
 * Parses the legal cells of the versions just written and COPYs the articles, a batch at a time through one cursor:
 * a single pass over the release (keyset batches re-scanned it: quadratic on a million rows), memory flat.
 */
export async function writeLegalReferences(client: Client, referential: string, number: number, tally?: LegalReferenceTally): Promise<void> {
  await client.query(`declare legal_cells no scroll cursor for select id, legal_cells from referential_entry
    where referential_code = $1 and recorded_in = $2 and legal_cells is not null`, [referential, number]);
  for (;;) {
    const { rows } = await client.query<{ id: string; legal_cells: { definedBy: string | null; punishedBy: string | null } }>(`fetch ${BATCH} from legal_cells`);
    if (rows.length === 0) break;
    // Made lazily, so that the database inserts one chunk while the next is parsed (text built before the COPY
    // made the phase 1.5x slower); no escape test on the id, enums, numbers, booleans and dates.
    await copyLines(client, 'legal_reference', LEGAL_COLUMNS, (function* () {
      for (const { id, legal_cells } of rows) {
        let text = '';
        for (const r of cellsToRows(legal_cells)) {
          tally?.add(r);
          text += `${id}\t${r.role}\t${r.position}\t${copyField(r.raw)}\t${r.parsed}\t${r.textKind ?? '\\N'}\t${copyField(r.text)}\t${copyField(r.codeMnemonic)}\t${copyField(r.textNumber)}\t${r.textDate ?? '\\N'}\t${copyField(r.article)}\t${copyField(r.paragraphs)}\n`;
        }
        if (text) yield text;
      }
    })());
  }
  await client.query('close legal_cells');
}
