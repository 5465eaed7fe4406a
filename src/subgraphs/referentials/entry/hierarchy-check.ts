import type { PositionalSql } from '../release/release-changes';
import { MAX_LEVEL } from './entry-rules';

/** A hierarchy rule broken by one entry of a set: its line in a file (null for a draft), its code, the field at fault. */
export interface HierarchyProblem {
  line: number | null;
  code: string;
  field: 'parentCode' | 'level';
  reason: string;
}

/** The live versions of a release, as the hierarchy check reads a set of entries (`$1` referential, `$2` release). */
export const RELEASE_ENTRIES = `select null::int as line, code, parent_code, level from referential_entry
  where referential_code = $1 and recorded_in <= $2 and (superseded_in is null or superseded_in > $2)`;

/**
 * The hierarchy rules over a whole set of entries, in SQL (memory flat on a million entries), the same for an
 * import's staging table and a draft: every parent is in the set, every chain reaches a top-level entry (no
 * cycle), and each level follows its parent's. `source` selects (line, code, parent_code, level), with `params`;
 * `setName` says where a missing parent was looked for ("the file", "the draft"; a fixed text of ours, not a value).
 */
export async function hierarchyProblems(
  sql: PositionalSql,
  source: string,
  params: unknown[],
  setName = 'the file',
  limit = 1000,
): Promise<HierarchyProblem[]> {
  const rows = (await sql(
    `with recursive s as materialized (${source}),
      reached as (
        -- From the top, and from entries whose parent is missing (reported as such): what is left is in a cycle.
        select code, 1 as depth from s where parent_code is null or not exists (select 1 from s p where p.code = s.parent_code)
        union all select c.code, r.depth + 1 from s c join reached r on c.parent_code = r.code where r.depth < ${MAX_LEVEL + 1})
    (select s.line, s.code, 'parentCode' as field, format('parent "%s" is not in ${setName}', s.parent_code) as reason from s
      where s.parent_code is not null and not exists (select 1 from s p where p.code = s.parent_code) order by s.line, s.code limit ${limit})
    union all
    (select s.line, s.code, 'level', 'the parent chain never reaches a top-level entry (a cycle)' from s
      where not exists (select 1 from reached r where r.code = s.code) order by s.line, s.code limit ${limit})
    union all
    (select s.line, s.code, 'level', format('level %s does not follow its parent''s (%s)', s.level, p.level) from s join s p on p.code = s.parent_code
      where s.level <> p.level + 1 order by s.line, s.code limit ${limit})`,
    params,
  )) as HierarchyProblem[];
  return rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
