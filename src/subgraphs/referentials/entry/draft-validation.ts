import type { EntityManager } from '@mikro-orm/postgresql';
import type { Referential } from '../referential/referential.entity';
import { invalid } from '../referentials.exception';
import { viaEntityManager } from '../release/release-changes';
import { today } from '../../../kernel/graphql/scalars';
import { withVocabularies } from '../referential/vocabulary';
import type { StoredVersion } from './entry-columns';
import { entryRules } from './entry-rules';
import { hierarchyProblems, RELEASE_ENTRIES } from './hierarchy-check';

/**
 * The draft's whole hierarchy, by the import's rules (missing parent, cycle, level): A under B under A passes each
 * edit's own checks. `edited`: the code just written, to name the argument at fault when the problem is its own.
 */
export async function assertDraftHierarchy(em: EntityManager, referential: string, draft: number, edited?: string): Promise<void> {
  const [problem] = await hierarchyProblems(viaEntityManager(em), RELEASE_ENTRIES, [referential, draft], 'the draft', 1);
  if (!problem) return;
  const field = edited === undefined ? 'referential' : problem.code === edited ? `input.${problem.field}` : 'input.parentCode';
  throw invalid(`entry ${problem.code} of the draft of ${referential}: ${problem.reason}`, field);
}

/** Before publishing: every entry the draft records keeps the entry rules (definitions may have changed since), and the hierarchy holds. */
export async function assertDraftPublishable(em: EntityManager, referential: Referential, draft: number): Promise<void> {
  const attributeDefinitions = await withVocabularies((sql, params) => em.execute(sql, params), referential.attributeDefinitions, today());
  const rules = entryRules({ levels: referential.levels, attributeDefinitions });
  const rows = await em.execute<StoredVersion[]>(
    `select code, label, parent_code, level, attributes, to_char(valid_from, 'YYYY-MM-DD') as valid_from,
    to_char(valid_to, 'YYYY-MM-DD') as valid_to, legal_cells from referential_entry where referential_code = ? and recorded_in = ? order by code`,
    [referential.code, draft],
  );
  for (const row of rows) {
    const [problem] = rules({
      code: row.code,
      label: row.label,
      parentCode: row.parent_code,
      level: row.level,
      attributes: row.attributes,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      legalCells: row.legal_cells,
    });
    if (problem) throw invalid(`entry ${row.code} of the draft of ${referential.code}: ${problem.reason}`, 'referential');
  }
  await assertDraftHierarchy(em, referential.code, draft);
}
