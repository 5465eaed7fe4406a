import type { Client } from 'pg';
import { cellsToRows } from '../subgraphs/referentials/legal-reference/legal-reference.rows';
import { recordReleaseChanges } from '../subgraphs/referentials/release/release-changes';
import type { IssueLog } from './import-issue';

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

/** Duplicate codes and parents missing from the file, found in SQL so that memory stays flat. */
export async function crossRowChecks(client: Client, file: string, issues: IssueLog, columns: { code: string; parentCode?: string }): Promise<void> {
  const duplicates = await client.query<{ code: string; lines: number[] }>(
    'select code, array_agg(line order by line) as lines from import_staging group by code having count(*) > 1 order by min(line) limit 10000');
  for (const { code, lines } of duplicates.rows) {
    for (const line of lines.slice(1)) issues.add({ file, line, column: columns.code, reason: `duplicate code "${code}" (first at line ${lines[0]})` });
  }
  const orphans = await client.query<{ line: number; parent_code: string }>(
    `select s.line, s.parent_code from import_staging s where s.parent_code is not null
     and not exists (select 1 from import_staging p where p.code = s.parent_code) order by s.line limit 10000`);
  for (const { line, parent_code } of orphans.rows) issues.add({ file, line, column: columns.parentCode, reason: `parent "${parent_code}" is not in the file` });
}

/** Fills missing levels from the hierarchy (1 at the top); reports cycles and levels that contradict the parent's. */
export async function settleLevels(client: Client, file: string, issues: IssueLog, levelColumn?: string): Promise<void> {
  await client.query(`with recursive tree as (
      select code, 1 as depth from import_staging where parent_code is null
      union all select s.code, t.depth + 1 from import_staging s join tree t on s.parent_code = t.code where t.depth < 50)
    update import_staging s set level = t.depth from tree t where t.code = s.code and s.level is null`);
  const cycles = await client.query<{ line: number }>('select line from import_staging where level is null order by line limit 1000');
  for (const { line } of cycles.rows) issues.add({ file, line, column: levelColumn, reason: 'the parent chain never reaches a top-level entry (a cycle)' });
  const wrong = await client.query<{ line: number; level: number; parent_level: number }>(
    `select s.line, s.level, p.level as parent_level from import_staging s join import_staging p on p.code = s.parent_code
     where s.level <> p.level + 1 order by s.line limit 1000`);
  for (const row of wrong.rows) issues.add({ file, line: row.line, column: levelColumn, reason: `level ${row.level} does not follow its parent's (${row.parent_level})` });
}

/** Compares the staged file with the latest published release, in SQL. */
export async function diffWithPublished(client: Client, referential: string, today: string): Promise<DiffCounts> {
  const base = Number((await client.query<{ n: number | null }>(`select max(number) as n from referential_release where referential_code = $1 and status = 'PUBLISHED'`, [referential])).rows[0].n ?? 0);
  await client.query(`create temp table cur on commit drop as select id, code, label, parent_code, level, attributes, valid_from, valid_to, legal_cells, search_text
    from referential_entry where referential_code = $1 and recorded_in <= $2 and (superseded_in is null or superseded_in > $2)`, [referential, base]);
  await client.query('create index on cur (code)');
  await client.query(`create temp table delta on commit drop as select s.*, c.id as cur_id from import_staging s left join cur c on c.code = s.code
    where c.id is null or ${FIELDS.map(DIFFERS).join(' or ')}`);
  await client.query(`create temp table gone on commit drop as select c.* from cur c where not exists (select 1 from import_staging s where s.code = c.code)
    and (c.valid_to is null or c.valid_to > $1)`, [today]);
  const { rows: [totals] } = await client.query(`select (select count(*) from delta where cur_id is null)::int as added, (select count(*) from delta where cur_id is not null)::int as changed,
    (select count(*) from gone)::int as removed, ((select count(*) from import_staging) - (select count(*) from delta))::int as unchanged,
    ${FIELDS.map((f) => `(select count(*) from delta s join cur c on c.id = s.cur_id where ${DIFFERS(f)})::int as ${f}`).join(', ')},
    (select coalesce(array_agg(code order by code), '{}') from (select code from delta where cur_id is not null order by code limit 20) x) as sample`);
  return { added: totals.added, changed: totals.changed, removed: totals.removed, unchanged: totals.unchanged, fields: Object.fromEntries(FIELDS.map((f) => [f, totals[f]]).filter(([, n]) => n > 0)), sample: totals.sample };
}

/** Writes the delta as release N: new versions for added and changed codes, end-dated versions for removed ones. */
export async function writeRelease(client: Client, referential: string, today: string, options: { publish: boolean; actor: string; notes: string }): Promise<ReleaseWritten> {
  const number = Number((await client.query<{ n: number }>('select coalesce(max(number), 0) + 1 as n from referential_release where referential_code = $1', [referential])).rows[0].n);
  const status = options.publish ? 'PUBLISHED' : 'DRAFT';
  await client.query(`insert into referential_release (referential_code, number, status, notes, created_by, published_by, published_at)
    values ($1, $2, $3, $4, $5, $6, $7)`, [referential, number, status, options.notes, options.actor, options.publish ? options.actor : null, options.publish ? new Date() : null]);
  const columns = 'code, label, parent_code, level, attributes, valid_from, valid_to, legal_cells, search_text';
  await client.query(`insert into referential_entry (referential_code, recorded_in, ${columns}) select $1, $2, ${columns} from delta order by code`, [referential, number]);
  await client.query(`insert into referential_entry (referential_code, recorded_in, ${columns})
    select $1, $2, code, label, parent_code, level, attributes, valid_from, $3::date, legal_cells, search_text from gone order by code`, [referential, number, today]);
  await client.query(`update referential_entry set superseded_in = $1 where id in (select cur_id from delta where cur_id is not null union all select id from gone)`, [number]);
  await writeLegalReferences(client, referential, number);
  // Published at once: its change events go into the outbox in the import's transaction (a draft emits nothing yet).
  if (options.publish) await recordReleaseChanges((sql, params) => client.query(sql, params), referential, number);
  return { number, status };
}

const BATCH = 5_000;

/** Parses the legal cells of the versions just written, a batch at a time (keyset on id): memory stays flat. */
async function writeLegalReferences(client: Client, referential: string, number: number): Promise<void> {
  for (let after = '0'; ;) {
    const { rows } = await client.query<{ id: string; legal_cells: { definedBy: string | null; punishedBy: string | null } }>(
      `select id, legal_cells from referential_entry where referential_code = $1 and recorded_in = $2 and legal_cells is not null and id > $3 order by id limit ${BATCH}`,
      [referential, number, after]);
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    const references = rows.flatMap((r) => cellsToRows(r.legal_cells).map((ref) => ({ ...ref, entry_id: r.id })));
    if (references.length) await client.query(
      `insert into legal_reference (entry_id, role, position, raw, parsed, text_kind, text, code_mnemonic, text_number, text_date, article, paragraphs)
       select entry_id, role::legal_role, position, raw, parsed, "textKind"::legal_text_kind, text, "codeMnemonic", "textNumber", "textDate"::date, article, paragraphs
       from jsonb_to_recordset($1::jsonb) as r(entry_id bigint, role text, position int, raw text, parsed boolean, "textKind" text, text text,
         "codeMnemonic" text, "textNumber" text, "textDate" text, article text, paragraphs jsonb)`, [JSON.stringify(references)]);
  }
}
