import type { Logger } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Connection = ReturnType<EntityManager['getConnection']>;

interface PooledClient {
  query(query: string | { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PooledClient>;
  releaseConnection(client: PooledClient): Promise<void>;
}

/** Statements prepared under a name, each on every connection that runs it: the code's reads are a few hundred at most. */
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 500;
/** PostgreSQL's "could not determine data type of parameter": a text that needs its values inlined (e.g. `? is null`). */
const UNTYPED_PARAMETER = '42P18';
const inlinedOnly = new Set<string>();

/**
 * The placeholder for a value, typed as PostgreSQL types the literal `formatQuery` would inline: a quoted string or
 * `null` is of unknown type (resolved by its context), an integer `int4` (`int8` beyond), another number `numeric`, a
 * boolean `bool`. Undefined for what `formatQuery` expands (lists) or renders otherwise (dates, objects).
 */
function placeholder(value: unknown, index: number): string | undefined {
  if (value === null || typeof value === 'string') return `$${index}`;
  if (typeof value === 'boolean') return `$${index}::bool`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (!Number.isInteger(value)) return `$${index}::numeric`;
  if (Math.abs(value) <= 2_147_483_647) return `$${index}::int4`;
  return Number.isSafeInteger(value) ? `$${index}::int8` : undefined;
}

/**
 * The statement with typed `$1…` for MikroORM's `?` placeholders, prepared once per connection (PostgreSQL then skips
 * parsing and, after a few runs, planning). Undefined (the values are inlined) for a list or another kind of value,
 * and for texts with `??` identifiers or an escaped `\\?`.
 */
function prepared(sql: string, params: readonly unknown[]): { text: string; values: unknown[]; name?: string } | undefined {
  if (sql.includes('??') || sql.includes('\\?')) return undefined;
  let index = 0;
  let typed = true;
  const text = sql.replace(/\?/g, () => {
    const value = params[index++];
    const marker = placeholder(value, index);
    if (marker === undefined) typed = false;
    return marker ?? '?';
  });
  if (!typed || index !== params.length || inlinedOnly.has(text)) return undefined;
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED) preparedNames.set(text, (name = `rj_read_${preparedNames.size}`));
  return { text, values: params as unknown[], ...(name ? { name } : {}) };
}

/**
 * A read as `connection.execute(sql, params)` runs it (the ORM's quoting of `?`, the pool's connection, the ORM's
 * query log), without knex's builder and runner around the driver's call: ≈ 13 % of a court by code's CPU.
 */
export async function readOutsideTransaction<T>(connection: Connection, logger: Logger, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  await connection.ensureConnection();
  const inlined = () => (params.length ? connection.getPlatform().formatQuery(sql, params as unknown[]) : sql);
  const statement = params.length ? prepared(sql, params) : undefined;
  const client = connection.getKnex().client as KnexClient;
  const started = Date.now();
  const pooled = await client.acquireConnection();
  try {
    const { rows } = statement
      ? await pooled.query(statement).catch((error: { code?: string }) => {
          if (error.code !== UNTYPED_PARAMETER) throw error;
          inlinedOnly.add(statement.text);
          return pooled.query(inlined());
        })
      : await pooled.query(inlined());
    if (logger.isEnabled('query'))
      logger.logQuery({ level: 'info', query: sql, params: params as unknown[], took: Date.now() - started, results: rows.length });
    return rows as T[];
  } catch (error) {
    if (logger.isEnabled('query')) logger.logQuery({ level: 'error', query: sql, params: params as unknown[], took: Date.now() - started });
    throw error;
  } finally {
    await client.releaseConnection(pooled);
  }
}

/**
 * A read as `em.execute(sql, params)` runs it: inside the request's transaction when there is one (its own writes
 * count), else on a pooled connection without knex around it; errors become the ORM's exceptions either way.
 */
export async function readRows<T>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  if (em.isInTransaction()) return em.execute<T[]>(sql, params as unknown[]);
  try {
    return await readOutsideTransaction<T>(em.getConnection(), em.config.getLogger(), sql, params);
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}
