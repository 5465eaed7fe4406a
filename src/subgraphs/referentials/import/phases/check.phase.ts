import type { Client } from 'pg';
import { MAX_LEVEL } from '../../entry/entry-rules';
import { hierarchyProblems } from '../../entry/hierarchy-check';
import type { IssueLog } from '../read/import-issue';
import { STAGING_TABLE } from './stage.phase';

/** Duplicate codes (unless the staging index proved there are none), found in SQL so that memory stays flat. */
async function crossRowChecks(client: Client, file: string, issues: IssueLog, columns: { code: string }, staged: { uniqueCodes: boolean }): Promise<void> {
  if (staged.uniqueCodes) return;
  const duplicates = await client.query<{ code: string; lines: number[] }>(
    `select code, array_agg(line order by line) as lines from ${STAGING_TABLE} group by code having count(*) > 1 order by min(line) limit 10000`,
  );
  for (const { code, lines } of duplicates.rows) {
    for (const line of lines.slice(1)) issues.add({ file, line, column: columns.code, reason: `duplicate code "${code}" (first at line ${lines[0]})` });
  }
}

/**
 * Fills missing levels from the hierarchy (1 at the top), then checks the hierarchy with the rules a steward's
 * draft is held to (`hierarchyProblems`): missing parents, cycles, levels that contradict the parent's.
 */
async function settleLevels(client: Client, file: string, issues: IssueLog, columns: { parentCode?: string; level?: string }): Promise<void> {
  await client.query(`with recursive tree as (
      select code, 1 as depth from ${STAGING_TABLE} where parent_code is null
      union all select s.code, t.depth + 1 from ${STAGING_TABLE} s join tree t on s.parent_code = t.code where t.depth < ${MAX_LEVEL})
    update ${STAGING_TABLE} s set level = t.depth from tree t where t.code = s.code and s.level is null`);
  const problems = await hierarchyProblems(
    async (sql, params) => (await client.query(sql, params)).rows,
    `select line, code, parent_code, level from ${STAGING_TABLE}`,
    [],
  );
  for (const p of problems) issues.add({ file, line: p.line ?? 0, column: p.field === 'parentCode' ? columns.parentCode : columns.level, reason: p.reason });
}

/** Check: the rules that span rows (duplicates, hierarchy), and a file with no data row (it would end-date every entry). */
export async function checkStaged(
  client: Client,
  file: string,
  issues: IssueLog,
  columns: { code: string; parentCode?: string; level?: string },
  staged: { uniqueCodes: boolean; rowsRead: number },
): Promise<void> {
  await crossRowChecks(client, file, issues, columns, staged);
  await settleLevels(client, file, issues, columns);
  if (staged.rowsRead === 0 && issues.count === 0)
    issues.add({ file, line: 1, reason: 'the file has no data row (a header at least, then one entry per line or element)', fatal: true });
}

/**
 * Whether the import goes on: a file without issues, or one whose invalid rows may be skipped (`skipInvalid`, and no
 * issue that condemns the whole file) and that keeps at least one valid row once they are dropped from the staging table.
 */
export async function keepValidRows(client: Client, file: string, issues: IssueLog, skipInvalid: boolean): Promise<boolean> {
  if (issues.count === 0) return true;
  if (!skipInvalid || issues.fatal) return false;
  await client.query(`delete from ${STAGING_TABLE} where line = any($1::int[])`, [[...issues.badLines]]);
  const { rowCount } = await client.query(`select 1 from ${STAGING_TABLE} limit 1`);
  if (rowCount) return true;
  issues.add({ file, line: 1, reason: 'no valid data row is left once the invalid ones are skipped', fatal: true });
  return false;
}
