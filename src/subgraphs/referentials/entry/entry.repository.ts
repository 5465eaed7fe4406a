import type { EntityManager } from '@mikro-orm/postgresql';
import type { Entry, EntryView } from './entry.entity';
import { entryConditions, type SqlCondition } from './entry-query';

/**
 * An entry version as reads return it: the GraphQL `Entry` fields, its id and the view it was read in. Reads build
 * no ORM entity (a page of 100 with its relations was ~500 of them); mutations return `Entry` entities, which have
 * the same shape.
 */
export type EntryRow = Pick<Entry, 'id' | 'referentialCode' | 'code' | 'label' | 'parentCode' | 'level' | 'attributes' | 'validFrom' | 'validTo' | 'recordedIn' | 'supersededIn' | 'view'>;

/** The columns of an `EntryRow` (alias `e`), named as its fields. */
export const ENTRY_COLUMNS = `e.id, e.referential_code as "referentialCode", e.code, e.label, e.parent_code as "parentCode", e.level, e.attributes,
  e.valid_from as "validFrom", e.valid_to as "validTo", e.recorded_in as "recordedIn", e.superseded_in as "supersededIn"`;

/** Marks rows with the view they were read in: their parent, children and mappings are read in the same one. */
export function inViewOf<T extends EntryRow>(rows: T[], view: EntryView): T[] {
  for (const row of rows) row.view = view;
  return rows;
}

/** Rows matching a condition (alias `e`), with any extra columns, in the given order. */
export const selectEntries = <T extends EntryRow = EntryRow>(em: EntityManager, where: SqlCondition, tail: string, params: unknown[] = [], extra = ''): Promise<T[]> =>
  em.execute<T[]>(`select ${ENTRY_COLUMNS}${extra} from referential_entry e where ${where.sql} ${tail}`, [...where.params, ...params]);

/** The versions of the given codes visible in a view. */
export async function entriesByCode(em: EntityManager, referentialCode: string, view: EntryView, codes: readonly string[]): Promise<EntryRow[]> {
  if (!codes.length) return [];
  return inViewOf(await selectEntries(em, entryConditions(referentialCode, view), 'and e.code in (?)', [codes]), view);
}

/** The children, in a view, of the given codes, by code. */
export async function childrenByParentCode(em: EntityManager, referentialCode: string, view: EntryView, parentCodes: readonly string[]): Promise<EntryRow[]> {
  if (!parentCodes.length) return [];
  return inViewOf(await selectEntries(em, entryConditions(referentialCode, view), 'and e.parent_code in (?) order by e.code', [parentCodes]), view);
}

/** Entry versions by id, in no particular order (each keeps the view the caller gives it). */
export async function entriesById(em: EntityManager, ids: readonly string[]): Promise<EntryRow[]> {
  if (!ids.length) return [];
  return em.execute<EntryRow[]>(`select ${ENTRY_COLUMNS} from referential_entry e where e.id in (?)`, [ids]);
}

/** Every published (or retired) version of a code, oldest first, each in the view of the release that recorded it. */
export async function publishedVersions(em: EntityManager, referentialCode: string, code: string): Promise<EntryRow[]> {
  const rows = await em.execute<EntryRow[]>(
    `select ${ENTRY_COLUMNS} from referential_entry e join referential_release r on r.referential_code = e.referential_code and r.number = e.recorded_in
     where e.referential_code = ? and e.code = ? and r.status <> 'DRAFT' order by e.recorded_in`,
    [referentialCode, code],
  );
  for (const row of rows) row.view = { release: row.recordedIn, at: null };
  return rows;
}

/** How many entries a condition selects: a connection's `totalCount`, computed only when asked. */
export async function countEntries(em: EntityManager, where: SqlCondition): Promise<number> {
  const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n from referential_entry e where ${where.sql}`, where.params);
  return Number(n);
}
