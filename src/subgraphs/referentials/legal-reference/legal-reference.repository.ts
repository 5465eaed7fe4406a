import type { EntityManager } from '@mikro-orm/postgresql';
import type { LegalReference } from './legal-reference.entity';

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

/** One entry version's references (alias `l`) as a JSON array in cell order, ids as text as pg returns a bigint. */
export const LEGAL_REFERENCES_JSON = `json_agg(json_build_object('id', l.id::text, ${LEGAL_REFERENCE_COLUMNS.map((c) => `'${camel(c)}', l.${c}${c === 'entry_id' ? '::text' : ''}`).join(', ')}) order by l.role, l.position)`;

/** The legal references of entry versions, in cell order (role, then position within the cell), as plain rows. */
export async function legalReferencesOf(em: EntityManager, entryIds: readonly string[]): Promise<LegalReference[]> {
  if (!entryIds.length) return [];
  return em.execute<LegalReference[]>(`${SELECT} where l.entry_id in (?) order by l.entry_id, l.role, l.position`, [entryIds]);
}
