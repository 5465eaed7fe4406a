import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { InputException, InputExceptionCode } from '../errors/input.exception';
import { PageInfo } from './page-info.type';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for it: a count over a large list is the expensive part of a page. */
  totalCount(): Promise<number>;
}

/** Builds `<Item>Connection` and `<Item>Edge` object types for a node type (type-graphql generic types). */
export function ConnectionType<T extends object>(itemClass: ClassType<T>, name = itemClass.name) {
  @ObjectType(`${name}Edge`, { description: `An edge of a ${name} connection.` })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque cursor, to pass as `after`.' }) cursor!: string;
    @Field(() => itemClass) node!: T;
  }

  @ObjectType() // never emitted itself: type-graphql 2 prints only types reachable from the schema
  abstract class ConnectionBase implements ConnectionShape<T> {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    count!: () => Promise<number>;

    @Field(() => Int, { description: 'Number of items matching the filter, all pages together.' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionBase;
}

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputException(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, InputExceptionCode.PAGE_SIZE_OUT_OF_RANGE, 'first');
  }
  return first;
}

export const encodeCursor = (key: readonly unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** A cursor's key parts: short strings without NUL and non-negative safe integers (what `encodeCursor` writes). */
const isKeyPart = (part: unknown): boolean =>
  (typeof part === 'string' && part.length <= 200 && !part.includes('\0')) || (Number.isSafeInteger(part) && (part as number) >= 0);

export function decodeCursor(cursor: string | undefined | null, field = 'after'): unknown[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const key: unknown = cursor.length <= 1000 && /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
    if (Array.isArray(key) && key.length > 0 && key.length <= 4 && key.every(isKeyPart)) return key;
  } catch {
    // fall through to the error below: a cursor is opaque, its content is never the client's business
  }
  throw new InputException(`invalid cursor: ${field} is not a cursor returned by this API`, InputExceptionCode.INVALID_CURSOR, field);
}

/** An edge whose cursor is encoded when read: most queries ask for `pageInfo.endCursor` only, not 100 cursors. */
class LazyEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly index: number,
    private readonly keyOf: (row: T, index: number) => readonly unknown[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.node, this.index));
  }
}

/** Page boundaries encoded when read, as the edges' cursors are (a nested page's `pageInfo` is rarely asked for). */
class LazyPageInfo<T> {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: readonly LazyEdge<T>[],
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/**
 * Turns rows fetched with `limit size + 1` into a connection: the extra row only says a next page exists.
 */
export function toConnection<T, C extends ConnectionShape<T>>(
  connectionClass: new () => C,
  rows: T[],
  size: number,
  keyOf: (row: T, index: number) => readonly unknown[],
  count: () => Promise<number>,
  hasPreviousPage: boolean,
): C {
  const page = rows.slice(0, size);
  const edges = page.map((node, index) => new LazyEdge(node, index, keyOf));
  const connection = new connectionClass();
  Object.assign(connection, {
    edges,
    count,
    pageInfo: new LazyPageInfo(rows.length > size, hasPreviousPage, edges),
  });
  return connection;
}
