import type { EntityManager } from '@mikro-orm/postgresql';
import type { LegalReference } from './legal-reference.entity';
import { readRows } from '../../../kernel/database/read-rows';

/** The stored columns of `legal_reference` after its id, in order: what copies and bulk loads write. */
export const LEGAL_REFERENCE_COLUMNS = [
  'entry_id',
  'role',
  'position',
  'raw',
  'parsed',
  'text_kind',
  'text',
  'code_mnemonic',
  'text_number',
  'text_date',
  'article',
  'paragraphs',
] as const;

const camel = (column: string): string => column.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());
const SELECT = `select l.id, ${LEGAL_REFERENCE_COLUMNS.map((c) => (camel(c) === c ? `l.${c}` : `l.${c} as "${camel(c)}"`)).join(', ')} from legal_reference l`;

/** The GraphQL fields of `LegalReference` and the column each reads (`codeName` is derived from the mnemonic). */
const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(LEGAL_REFERENCE_COLUMNS.filter((c) => c !== 'entry_id').map((c) => [camel(c), c])),
  codeName: 'code_mnemonic',
};

/**
 * One entry version's references (alias `l`) as a JSON array in cell order, ids as text as pg returns a bigint.
 * Given the GraphQL fields a query selects, only their columns (and `role`, which `legalReferences(role:)` filters
 * on): a page of 100 offences carries ~300 references, whose unselected source texts pg would send and Node parse.
 * A field it does not know (added later) brings every column back.
 */
export function legalReferencesJson(fields?: ReadonlySet<string>): string {
  const known = fields && [...fields].every((f) => f.startsWith('__') || f in FIELD_COLUMNS);
  const columns = known
    ? [...new Set(['role', ...[...fields].flatMap((f) => (f in FIELD_COLUMNS ? [FIELD_COLUMNS[f]] : []))])]
    : ['id', ...LEGAL_REFERENCE_COLUMNS];
  const pairs = columns.map((c) => `'${camel(c)}', l.${c}${c === 'entry_id' || c === 'id' ? '::text' : ''}`);
  return `json_agg(json_build_object(${pairs.join(', ')}) order by l.role, l.position)`;
}

/** The legal references of entry versions, in cell order (role, then position within the cell), as plain rows. */
export async function legalReferencesOf(em: EntityManager, entryIds: readonly string[]): Promise<LegalReference[]> {
  if (!entryIds.length) return [];
  return readRows<LegalReference>(em, `${SELECT} where l.entry_id in (?) order by l.entry_id, l.role, l.position`, [entryIds]);
}
