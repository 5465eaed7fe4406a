import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../../../kernel/database/read-rows';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import { escapeLike } from '../../../kernel/text/fold';
import { searchWords } from '../../../kernel/text/search-words';
import type { CourtNode } from './court.entity';
import type { CourtsFilter } from './courts-filter.input';

/** The `court` columns the GraphQL type reads, by the property they become. */
const COLUMNS: Record<keyof CourtNode, string> = {
  code: 'code',
  type: 'type',
  name: 'name',
  shortName: 'short_name',
  parentCode: 'parent_code',
  validFrom: 'valid_from',
  validTo: 'valid_to',
};
const KEYS = Object.keys(COLUMNS) as (keyof CourtNode)[];

/** `t.code as "<prefix>code", t.short_name as "<prefix>shortName", …`: rows come out of pg already shaped like a court. */
export const courtColumns = (table: string, prefix = '', keys: readonly (keyof CourtNode)[] = KEYS): string =>
  keys.map((key) => `${table}.${COLUMNS[key]} as "${prefix}${key}"`).join(', ');

/**
 * The columns a page needs when its courts (and their parents) are asked only for fields that are columns, or
 * `parent`: the code and parent code, and those. Undefined when any other field is asked (its resolver may read
 * the whole row): the page then reads whole rows.
 */
export function pageColumns(fields: Iterable<string>): (keyof CourtNode)[] | undefined {
  const keys = new Set<keyof CourtNode>(['code', 'parentCode']);
  for (const field of fields) {
    if (field === '__typename' || field === 'parent') continue;
    if (!Object.hasOwn(COLUMNS, field) || field === 'parentCode') return undefined;
    keys.add(field as keyof CourtNode);
  }
  return KEYS.filter((key) => keys.has(key));
}

// A partial page's parents, held by the rows that point to them (never by the request's loaders: they are partial).
// A symbol on the row rather than a WeakMap: a hundred WeakMap entries per page cost a fifth of its CPU, GC included.
const PARENT = Symbol('attached parent');
type WithParent = CourtNode & { [PARENT]?: CourtNode };

/** The court held by the columns `courtColumns(…, prefix)` selected in a wider row; null for an outer join's miss. */
export function courtIn(row: Record<string, unknown>, prefix: string): CourtNode | null {
  if (row[`${prefix}code`] === null) return null;
  const court: Record<string, unknown> = {};
  for (const key of KEYS) court[key] = row[`${prefix}${key}`];
  return court as unknown as CourtNode;
}

const COURT = `select ${courtColumns('court')} from court`;
/** A list parameter: formatQuery inlines `?`, and one JSON literal keeps the statement's shape whatever the number of keys. */
const IN_LIST = 'in (select jsonb_array_elements_text(?::jsonb))';

// The courts a request has read, by code (as its loader holds them, but readable without a promise).
const known = new WeakMap<EntityManager, Map<string, CourtNode>>();
const knownCourts = (em: EntityManager): Map<string, CourtNode> => {
  let courts = known.get(em);
  if (!courts) known.set(em, (courts = new Map()));
  return courts;
};

/**
 * Court reads as plain rows shaped like the GraphQL `Court` (no managed entities: reads never need the unit of work),
 * batched per request. Every court read here is also kept in the request's by-code loader, so a parent, child or
 * ancestor already fetched costs no second statement.
 */
export class CourtRepository {
  constructor(private readonly em: EntityManager) {}

  private rows<T = CourtNode>(sql: string, params: unknown[]): Promise<T[]> {
    return readRows<T>(this.em, sql, params);
  }

  private get byCodeLoader() {
    return requestLoader<string, CourtNode | null>(this.em, 'court-by-code', async (codes) => {
      const found = new Map((await this.rows(`${COURT} where code ${IN_LIST}`, [JSON.stringify(codes)])).map((c) => [c.code, c]));
      return codes.map((code) => found.get(code) ?? null);
    });
  }

  /** Remembers courts read by another statement for the rest of the request. */
  remember(courts: Iterable<CourtNode>): void {
    const loader = this.byCodeLoader;
    const known = knownCourts(this.em);
    for (const court of courts) {
      loader.prime(court.code, court);
      known.set(court.code, court);
    }
  }

  byCode(code: string): Promise<CourtNode | null> {
    return this.byCodeLoader.load(code);
  }

  /** Without a promise when the parent was read already (a page's parents come with it): a page resolves 100 of them. */
  parentOf(court: CourtNode): CourtNode | null | Promise<CourtNode | null> {
    if (!court.parentCode) return null;
    return (court as WithParent)[PARENT] ?? knownCourts(this.em).get(court.parentCode) ?? this.byCode(court.parentCode);
  }

  /** A court and its parent in one statement (the parent is nearly always asked for). */
  async withParent(code: string): Promise<CourtNode | null> {
    const rows = await this.rows(`${COURT} where code = ? or code = (select parent_code from court where code = ?)`, [code, code]);
    this.remember(rows);
    return rows.find((c) => c.code === code) ?? null;
  }

  /**
   * Up to `limit` courts after `afterCode` by code; with their parents fetched in the same statement when asked. With
   * `columns` (pageColumns), only those are read, and the rows stay out of the request's loaders.
   */
  async page(
    filter: CourtsFilter,
    limit: number,
    afterCode: string | undefined,
    withParents: boolean,
    columns?: readonly (keyof CourtNode)[],
  ): Promise<CourtNode[]> {
    const where = this.where(filter, afterCode);
    const page = `select ${courtColumns('court', '', columns)} from court ${where.sql} order by code limit ?`;
    if (!withParents) {
      const rows = await this.rows(page, [...where.params, limit]);
      if (!columns) this.remember(rows);
      return rows;
    }
    const rows = await this.rows<CourtNode & { inPage: boolean }>(
      `with page as (${page})
       select *, true as "inPage" from page
       union all
       select ${courtColumns('court', '', columns)}, false from court where code in (select "parentCode" from page) and code not in (select code from page)
       order by "inPage" desc, code`,
      [...where.params, limit],
    );
    if (!columns) this.remember(rows);
    else {
      const byCode = new Map(rows.map((c) => [c.code, c]));
      for (const court of rows) {
        const parent = court.parentCode ? byCode.get(court.parentCode) : undefined;
        if (parent) (court as WithParent)[PARENT] = parent;
      }
    }
    return rows.filter((c) => c.inPage);
  }

  async count(filter: CourtsFilter): Promise<number> {
    const where = this.where(filter);
    const [{ count }] = await this.rows<{ count: number }>(`select count(*)::int as count from court ${where.sql}`, where.params);
    return count;
  }

  /** The courts directly below `code`, batched over the request. */
  childrenOf(code: string): Promise<CourtNode[]> {
    return requestLoader<string, CourtNode[]>(this.em, 'court-children', async (codes) => {
      const rows = await this.rows(`${COURT} where parent_code ${IN_LIST}`, [JSON.stringify(codes)]);
      this.remember(rows);
      return groupByKey(codes, rows, (c) => c.parentCode as string);
    }).load(code);
  }

  private where(filter: CourtsFilter, afterCode?: string): { sql: string; params: unknown[] } {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, ...values: unknown[]) => {
      conditions.push(condition);
      params.push(...values);
    };
    if (filter.type) add('type = ?', filter.type);
    if (filter.parentCode) add('parent_code = ?', filter.parentCode);
    const words = filter.search === undefined || filter.search === null ? [] : searchWords(filter.search, 'filter.search');
    for (const word of words) add('search_name like ?', `%${escapeLike(word)}%`);
    if (filter.validAt) add('(valid_from is null or valid_from <= ?) and (valid_to is null or valid_to > ?)', filter.validAt, filter.validAt);
    if (afterCode !== undefined) add('code > ?', afterCode);
    return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
  }
}
