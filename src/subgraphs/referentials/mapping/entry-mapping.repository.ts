import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntryMapping } from './entry-mapping.entity';
import { readRows } from '../../../kernel/database/read-rows';

/** The mappings from the given codes of a referential recorded up to a release, oldest first. */
export async function mappingsFrom(em: EntityManager, referentialCode: string, release: number, codes: readonly string[]): Promise<EntryMapping[]> {
  if (!codes.length) return [];
  return readRows<EntryMapping>(
    em,
    `select m.id, m.from_referential as "fromReferential", m.from_code as "fromCode", m.kind, m.to_referential as "toReferential", m.to_code as "toCode",
       m.recorded_in as "recordedIn" from entry_mapping m where m.from_referential = ? and m.from_code in (?) and m.recorded_in <= ? order by m.id`,
    [referentialCode, codes, release],
  );
}
