import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../database/read-rows';

/**
 * Reads of the observed usage, over the `usage_field` and `usage_referential` views (hourly rows of the last 30
 * days, daily ones before): `since` is precise to the hour within the hourly window, to the day beyond.
 */
export interface ClientOperationRow {
  client: string;
  application: string | null;
  operation_name: string;
  operation_hash: string;
  requests: number;
  first_seen: Date;
  last_seen: Date;
}

export interface ReferentialReadRow {
  client: string;
  application: string | null;
  referential: string;
  release: number;
  requests: number;
  first_seen: Date;
  last_seen: Date;
}

/** The raw driver answers timestamps as text here: seen times become dates. */
const rows = async <T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> =>
  (await readRows<Record<string, unknown>>(em, sql, params)).map((row) => {
    for (const key of ['first_seen', 'last_seen']) if (typeof row[key] === 'string') row[key] = new Date(row[key] as string);
    return row as T;
  });

/** Who read a coordinate since then, per client and operation. */
export const readersOfCoordinates = (
  em: EntityManager,
  coordinates: readonly string[],
  since: Date,
): Promise<(ClientOperationRow & { coordinate: string })[]> =>
  coordinates.length
    ? rows(
        em,
        `select coordinate, client, max(application) as application, operation_name, operation_hash, sum(requests)::float8 as requests, min(first_seen) as first_seen, max(last_seen) as last_seen
       from usage_field where coordinate in (${coordinates.map(() => '?').join(', ')}) and at >= date_trunc('hour', ?::timestamptz)
       group by coordinate, client, operation_name, operation_hash order by coordinate, client, operation_name`,
        [...coordinates, since],
      )
    : Promise.resolve([]);

/** Requests reading a coordinate per day (UTC), for a sparkline. */
export const dailyReadsOf = (em: EntityManager, coordinate: string, since: Date): Promise<{ day: string; requests: number }[]> =>
  rows(
    em,
    `select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day, sum(requests)::float8 as requests from usage_field
     where coordinate = ? and at >= date_trunc('hour', ?::timestamptz) group by 1 order by 1`,
    [coordinate, since],
  );

/** Coordinates a client read since then. */
export const coordinatesReadBy = (
  em: EntityManager,
  client: string,
  since: Date,
): Promise<{ coordinate: string; requests: number; operations: number; first_seen: Date; last_seen: Date }[]> =>
  rows(
    em,
    `select coordinate, sum(requests)::float8 as requests, count(distinct operation_hash)::int as operations, min(first_seen) as first_seen, max(last_seen) as last_seen
     from usage_field where client = ? and at >= date_trunc('hour', ?::timestamptz) group by coordinate order by coordinate`,
    [client, since],
  );

/** Referential releases read since then, by one client or (referential given) by everyone. */
export const referentialReads = (
  em: EntityManager,
  filter: { client?: string; referential?: string; release?: number | null },
  since: Date,
): Promise<ReferentialReadRow[]> => {
  const conditions: [string, unknown][] = [["at >= date_trunc('hour', ?::timestamptz)", since]];
  if (filter.client !== undefined) conditions.push(['client = ?', filter.client]);
  if (filter.referential !== undefined) conditions.push(['referential = ?', filter.referential]);
  if (filter.release != null) conditions.push(['release = ?', filter.release]);
  const where = conditions.map(([sql]) => sql);
  const params = conditions.map(([, value]) => value);
  return rows(
    em,
    `select client, max(application) as application, referential, release, sum(requests)::float8 as requests, min(first_seen) as first_seen, max(last_seen) as last_seen
     from usage_referential where ${where.join(' and ')} group by client, referential, release order by referential, client, release`,
    params,
  );
};

/** Every coordinate read by anyone since then. */
export const coordinatesRead = async (em: EntityManager, since: Date): Promise<Set<string>> =>
  new Set(
    (await rows<{ coordinate: string }>(em, `select distinct coordinate from usage_field where at >= date_trunc('hour', ?::timestamptz)`, [since])).map(
      (r) => r.coordinate,
    ),
  );

/** In one statement: the referentials each application read since then, and every application seen calling at all. */
export async function applicationReads(em: EntityManager, since: Date): Promise<{ reads: Set<string>; active: Set<string> }> {
  const found = await rows<{ application: string; referential: string | null }>(
    em,
    `select application, referential from usage_referential where application is not null and at >= date_trunc('hour', ?::timestamptz) group by 1, 2
     union all select distinct application, null from usage_field where application is not null and at >= date_trunc('hour', ?::timestamptz)`,
    [since, since],
  );
  return {
    reads: new Set(found.filter((r) => r.referential !== null).map((r) => `${r.application}\n${r.referential}`)),
    active: new Set(found.map((r) => r.application)),
  };
}

/** Applications (API keys naming one) seen making any request since then. */
export const activeApplications = async (em: EntityManager, since: Date): Promise<Set<string>> =>
  new Set(
    (
      await rows<{ application: string }>(
        em,
        `select distinct application from usage_field where application is not null and at >= date_trunc('hour', ?::timestamptz)`,
        [since],
      )
    ).map((r) => r.application),
  );
