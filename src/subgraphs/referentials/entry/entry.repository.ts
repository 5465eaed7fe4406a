import type { EntityManager } from '@mikro-orm/postgresql';
import type { LegalReference } from '../legal-reference/legal-reference.entity';
import { legalReferencesJson } from '../legal-reference/legal-reference.repository';
import type { Entry, EntryView } from './entry.entity';
import { entryConditions, type EntryConditions, type SqlCondition } from './entry-query';
import { readRows } from '../../../kernel/database/read-rows';

/**
 * An entry version as reads return it: the GraphQL `Entry` fields, its id and the view it was read in. Reads build
 * no ORM entity (a page of 100 with its relations was ~500 of them); mutations return `Entry` entities, which have
 * the same shape.
 */
export type EntryRow = Pick<
  Entry,
  'id' | 'referentialCode' | 'code' | 'label' | 'parentCode' | 'level' | 'attributes' | 'validFrom' | 'validTo' | 'recordedIn' | 'supersededIn' | 'view'
> & {
  /** Relations read in the same statement as the row, when the query selected them. */
  preloaded?: Preloaded;
};

export interface Preloaded {
  parent?: EntryRow | null;
  legalReferences?: LegalReference[];
}

/** The fields of an `EntryRow` and their columns. */
const FIELDS: readonly [field: string, column: string][] = [
  ['id', 'id'],
  ['referentialCode', 'referential_code'],
  ['code', 'code'],
  ['label', 'label'],
  ['parentCode', 'parent_code'],
  ['level', 'level'],
  ['attributes', 'attributes'],
  ['validFrom', 'valid_from'],
  ['validTo', 'valid_to'],
  ['recordedIn', 'recorded_in'],
  ['supersededIn', 'superseded_in'],
];

/** The columns of an `EntryRow` (alias `e`), named as its fields. */
export const ENTRY_COLUMNS = FIELDS.map(([field, column]) => (field === column ? `e.${column}` : `e.${column} as "${field}"`)).join(', ');

/** What every row keeps, whatever the selection: its relations' resolvers read them. */
const IDENTITY = new Set(['id', 'referentialCode', 'code', 'parentCode']);
/** `Entry` fields resolved from the identity alone. */
const RELATIONS = new Set(['parent', 'children', 'ancestors', 'legalReferences', 'mappings', 'referential']);

/**
 * The row as one JSON object (alias `e`), ids as text as pg returns a bigint. Given the fields a query selects on
 * it, only those columns and the identity (a page's 100 parents are usually asked for their code); a field it does
 * not know (a resolver reading another column) brings every column back.
 */
function entryJson(fields?: ReadonlySet<string>): string {
  return `json_build_object(${fieldsFor(fields)
    .map(([field, column]) => `'${field}', e.${column}${column === 'id' ? '::text' : ''}`)
    .join(', ')})`;
}

/** The identity and the selected fields' columns, or every column when a selected field is not known here. */
function fieldsFor(fields?: ReadonlySet<string>): readonly (readonly [string, string])[] {
  const known = fields && [...fields].every((f) => f.startsWith('__') || RELATIONS.has(f) || FIELDS.some(([field]) => field === f));
  return known ? FIELDS.filter(([field]) => IDENTITY.has(field) || fields.has(field)) : FIELDS;
}

/** The columns of a page's rows (alias `e`) for the fields its query selects on them (see `fieldsFor`). */
const pageColumns = (fields?: ReadonlySet<string>): string =>
  fields
    ? fieldsFor(fields)
        .map(([field, column]) => (field === column ? `e.${column}` : `e.${column} as "${field}"`))
        .join(', ')
    : ENTRY_COLUMNS;

/** Marks rows with the view they were read in: their parent, children and mappings are read in the same one. */
export function inViewOf<T extends EntryRow>(rows: T[], view: EntryView): T[] {
  for (const row of rows) row.view = view;
  return rows;
}

/** Rows matching a condition (alias `e`), then the rest of the statement (order, limit). */
const selectEntries = (em: EntityManager, where: SqlCondition, tail: string, params: unknown[] = []): Promise<EntryRow[]> =>
  readRows<EntryRow>(em, `select ${ENTRY_COLUMNS} from referential_entry e where ${where.sql} ${tail}`, [...where.params, ...params]);

/** What a page reads besides its rows, in the same statement. */
export interface PageExtras {
  /** The fields selected on the page's entries: only their columns (and the identity) are read. */
  fields?: ReadonlySet<string>;
  /** The parent's fields selected (true: read them all). */
  parent?: ReadonlySet<string> | true;
  /** The `LegalReference` fields selected (true: read them all). */
  legalReferences?: ReadonlySet<string> | true;
  totalCount?: boolean;
}

/** Where a page starts: after a code (plain lists) or at a position (ranked searches). */
export interface PageStart {
  afterCode?: string;
  offset?: number;
}

type PageRow = EntryRow & { rank?: number; parentJson?: EntryRow | null; legalJson?: LegalReference[] | null; totalCount?: string };

/**
 * A page of entries in a view, by code or, when searching, by relevance, with the relations and the count the query
 * selected read in the same statement (correlated subqueries over the page's rows only): one round trip for what
 * took four. `size + 1` rows at most: the extra one says a next page exists.
 */
export async function pageOfEntries(
  em: EntityManager,
  referentialCode: string,
  view: EntryView,
  where: EntryConditions,
  start: PageStart,
  size: number,
  extras: PageExtras = {},
): Promise<{ rows: EntryRow[]; totalCount?: number }> {
  const rank = where.search;
  const selected = pageColumns(extras.fields);
  // A search ranks every match before it pages: counted in that same pass (a window over the matches, before the
  // limit), not by a second scan. A plain list pages by index and stops early: its count stays a statement of its own.
  const countedInPage = Boolean(rank && extras.totalCount);
  const page = rank
    ? {
        sql: `select ${selected}, ts_rank(e.search_vector, ${rank.sql}) as rank${countedInPage ? ', count(*) over () as "totalCount"' : ''} from referential_entry e where ${where.sql} order by rank desc, e.code limit ? offset ?`,
        params: [...rank.params, ...where.params, size + 1, start.offset ?? 0],
      }
    : {
        sql: `select ${selected} from referential_entry e where ${where.sql}${start.afterCode !== undefined ? ' and e.code > ?' : ''} order by e.code limit ?`,
        params: [...where.params, ...(start.afterCode !== undefined ? [start.afterCode] : []), size + 1],
      };
  const columns: string[] = [];
  const params: unknown[] = [];
  if (extras.parent) {
    const inView = entryConditions(referentialCode, view);
    const json = entryJson(extras.parent === true ? undefined : extras.parent);
    columns.push(`(select ${json} from referential_entry e where ${inView.sql} and e.code = page."parentCode" limit 1) as "parentJson"`);
    params.push(...inView.params);
  }
  if (extras.legalReferences) {
    const json = legalReferencesJson(extras.legalReferences === true ? undefined : extras.legalReferences);
    columns.push(`(select ${json} from legal_reference l where l.entry_id = page.id) as "legalJson"`);
  }
  if (extras.totalCount && !countedInPage) {
    columns.push(`(select count(*) from referential_entry e where ${where.sql}) as "totalCount"`);
    params.push(...where.params);
  }
  const rows = columns.length
    ? await readRows<PageRow>(em, `select page.*, ${columns.join(', ')} from (${page.sql}) page order by ${rank ? 'page.rank desc, ' : ''}page.code`, [
        ...params,
        ...page.params,
      ])
    : await readRows<PageRow>(em, page.sql, page.params);
  const totalCount = rows.length && extras.totalCount ? Number(rows[0].totalCount) : undefined;
  // The helper columns stay on the rows, unread (deleting them would only slow every later property access).
  for (const row of rows) {
    row.view = view;
    if (extras.parent || extras.legalReferences) {
      row.preloaded = {};
      if (extras.parent) row.preloaded.parent = row.parentJson ? { ...row.parentJson, view } : null;
      if (extras.legalReferences) row.preloaded.legalReferences = row.legalJson ?? [];
    }
  }
  return { rows, totalCount };
}

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
  return readRows<EntryRow>(em, `select ${ENTRY_COLUMNS} from referential_entry e where e.id in (?)`, [ids]);
}

/** Every published (or retired) version of a code, oldest first, each in the view of the release that recorded it. */
export async function publishedVersions(em: EntityManager, referentialCode: string, code: string): Promise<EntryRow[]> {
  const rows = await readRows<EntryRow>(
    em,
    `select ${ENTRY_COLUMNS} from referential_entry e join referential_release r on r.referential_code = e.referential_code and r.number = e.recorded_in
     where e.referential_code = ? and e.code = ? and r.status <> 'DRAFT' order by e.recorded_in`,
    [referentialCode, code],
  );
  for (const row of rows) row.view = { release: row.recordedIn, at: null };
  return rows;
}

/** How many entries a condition selects: a connection's `totalCount`, computed only when asked. */
export async function countEntries(em: EntityManager, where: SqlCondition): Promise<number> {
  const [{ n }] = await readRows<{ n: string }>(em, `select count(*) as n from referential_entry e where ${where.sql}`, where.params);
  return Number(n);
}
