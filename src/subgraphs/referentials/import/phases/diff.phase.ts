import type { Client } from 'pg';
import { COMPARED_COLUMNS, ENTRY_COLUMN as entry, ENTRY_TABLE, VERSION_COLUMNS, visibleIn } from '../../entry/entry-columns';
import { IN_FORCE_SQL, massRemovalRefusal } from '../../release/mass-removal';
import { STAGING_TABLE } from './stage.phase';

/** The diff's temp table: per added or changed code the file's values, per gone code the current version's. */
export const CHANGES_TABLE = 'changes';

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

const DIFFERS = (f: string) => `s.${f} is distinct from c.${f}`;

/** The latest published release of the referential (null when none): what the file is compared with. */
export async function latestPublished(client: Client, referential: string): Promise<number | null> {
  const {
    rows: [{ n }],
  } = await client.query<{ n: number | null }>(`select max(number) as n from referential_release where referential_code = $1 and status = 'PUBLISHED'`, [
    referential,
  ]);
  return n;
}

/**
 * For a layout without validity columns (the official NATINF and NAC files): a listed entry keeps its validity
 * start and an end still to come, which the file cannot say; an entry that had ended is listed in force again.
 * So an export (which lists what has not ended) re-imports as "no change" whatever the list's history.
 * A date the file does state (a NAC end date read from its label) is kept.
 */
export async function carryValidity(client: Client, referential: string, base: number, today: string): Promise<void> {
  await client.query(
    `update ${STAGING_TABLE} s set ${entry.validFrom} = coalesce(s.${entry.validFrom}, c.${entry.validFrom}), ${entry.validTo} = coalesce(s.${entry.validTo}, case when c.${entry.validTo} > $3::date then c.${entry.validTo} end)
    from ${ENTRY_TABLE} c where c.${entry.code} = s.${entry.code} and ${visibleIn('c', '$1', '$2')}`,
    [referential, base, today],
  );
}

/**
 * Compares the staged file with release `base` (the latest published; 0 when none), in SQL, against its live versions: copying them all into a temp table first cost more than the comparison. One full join finds the
 * added, changed and gone codes in a single pass over each side (CHANGES_TABLE); each changed row carries the fields that differ.
 */
export async function diffWithPublished(client: Client, referential: string, base: number, today: string): Promise<DiffCounts> {
  await client.query(
    `create temp table ${CHANGES_TABLE} on commit drop as
    select s.line is null as gone, c.${entry.id} as cur_id, ${VERSION_COLUMNS.map((f) => `case when s.line is null then c.${f} else s.${f} end as ${f}`).join(', ')},
      array_remove(array[${COMPARED_COLUMNS.map((f) => `case when s.line is not null and c.${entry.id} is not null and ${DIFFERS(f)} then '${f}' end`).join(', ')}], null) as changed_fields
    from ${STAGING_TABLE} s full join (select * from ${ENTRY_TABLE} c where ${visibleIn('c', '$1', '$2')}) c on c.${entry.code} = s.${entry.code}
    where (s.line is null and (c.${entry.validTo} is null or c.${entry.validTo} > $3)) or (s.line is not null and (c.${entry.id} is null or ${COMPARED_COLUMNS.map(DIFFERS).join(' or ')}))`,
    [referential, base, today],
  );
  // One pass over the changes for the counts: it holds every row of a first import.
  const {
    rows: [totals],
  } =
    await client.query(`select count(*) filter (where not gone and cur_id is null)::int as added, count(*) filter (where not gone and cur_id is not null)::int as changed,
    count(*) filter (where gone)::int as removed, ((select count(*) from ${STAGING_TABLE}) - count(*) filter (where not gone))::int as unchanged,
    jsonb_build_object(${COMPARED_COLUMNS.map((f) => `'${f}', count(*) filter (where '${f}' = any(changed_fields))`).join(', ')}) as fields,
    (select coalesce(array_agg(code order by code), '{}') from (select code from ${CHANGES_TABLE} where not gone and cur_id is not null order by code limit 20) x) as sample
    from ${CHANGES_TABLE}`);
  // In COMPARED_COLUMNS order, whatever order the database aggregated them in.
  const fields = Object.fromEntries(COMPARED_COLUMNS.filter((f) => totals.fields[f] > 0).map((f) => [f, totals.fields[f] as number]));
  return { added: totals.added, changed: totals.changed, removed: totals.removed, unchanged: totals.unchanged, fields, sample: totals.sample };
}

/** Why the diff ends too many entries in force to go on unconfirmed (see mass-removal.ts), or null. */
export async function massRemoval(
  client: Client,
  referential: string,
  base: number,
  today: string,
  removed: number,
  confirmHow: string,
): Promise<string | null> {
  const {
    rows: [{ n: inForce }],
  } = await client.query<{ n: number }>(IN_FORCE_SQL, [referential, base, today]);
  return massRemovalRefusal(referential, removed, inForce, confirmHow);
}
