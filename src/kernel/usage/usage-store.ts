import type { MikroORM } from '@mikro-orm/postgresql';
import type { UsageConfig } from './usage-config';

/** One operation's counts for one hour; its coordinates each get a row. */
export interface OperationCount {
  hour: string;
  client: string;
  application: string | null;
  operation_name: string;
  operation_hash: string;
  coordinates: readonly string[];
  requests: number;
  first_seen: string;
  last_seen: string;
}

/** Reads of one referential (release null: the latest published one, resolved when written) for one hour. */
export interface ReferentialCount {
  hour: string;
  client: string;
  application: string | null;
  referential: string;
  release: number | null;
  requests: number;
  first_seen: string;
  last_seen: string;
}

const ADD_UP = (table: string) =>
  `requests = ${table}.requests + excluded.requests, first_seen = least(${table}.first_seen, excluded.first_seen), last_seen = greatest(${table}.last_seen, excluded.last_seen), application = coalesce(excluded.application, ${table}.application)`;

/**
 * Both counters in ONE statement (two data-modifying CTEs over JSON parameters): a flush is one round trip whatever
 * the traffic. Rows are added to what is stored (`on conflict … do update`), so several processes flush side by side.
 */
const FLUSH = `
with operations as (
  select * from json_to_recordset(?::json) as o(hour timestamptz, client text, application text, operation_name text, operation_hash text, coordinates text[], requests bigint, first_seen timestamptz, last_seen timestamptz)
), fields as (
  insert into usage_field_hourly as u (hour, client, application, operation_name, operation_hash, coordinate, requests, first_seen, last_seen)
  select o.hour, o.client, o.application, o.operation_name, o.operation_hash, c.coordinate, o.requests, o.first_seen, o.last_seen
  from operations o cross join lateral unnest(o.coordinates) as c(coordinate)
  on conflict (client, operation_hash, operation_name, coordinate, hour) do update set ${ADD_UP('u')}
  returning 1
), reads as (
  select r.hour, r.client, max(r.application) as application, r.referential,
         coalesce(r.release, (select max(number) from referential_release where referential_code = r.referential and status = 'PUBLISHED'), 0) as release,
         sum(r.requests) as requests, min(r.first_seen) as first_seen, max(r.last_seen) as last_seen
  from json_to_recordset(?::json) as r(hour timestamptz, client text, application text, referential text, release integer, requests bigint, first_seen timestamptz, last_seen timestamptz)
  group by r.hour, r.client, r.referential, 5
), referentials as (
  insert into usage_referential_hourly as u (hour, client, application, referential, release, requests, first_seen, last_seen)
  select hour, client, application, referential, release, requests, first_seen, last_seen from reads
  on conflict (client, referential, release, hour) do update set ${ADD_UP('u')}
  returning 1
)
select (select count(*) from fields)::int as fields, (select count(*) from referentials)::int as referentials`;

export async function writeUsage(orm: MikroORM, operations: OperationCount[], referentials: ReferentialCount[]): Promise<void> {
  if (!operations.length && !referentials.length) return;
  // Straight through knex: the ORM's query log (which tests count per request) is for requests' statements.
  await orm.em
    .getConnection()
    .getKnex()
    .raw(FLUSH, [JSON.stringify(operations), JSON.stringify(referentials)]);
}

const ROLL_UP = (kind: 'field' | 'referential', days: number) => {
  const columns = kind === 'field' ? ['client', 'operation_name', 'operation_hash', 'coordinate'] : ['client', 'referential', 'release'];
  const key = columns.join(', ');
  return `
with moved as (delete from usage_${kind}_hourly where hour < now() - interval '${days} days' returning *)
insert into usage_${kind}_daily as u (day, ${key}, application, requests, first_seen, last_seen)
select (hour at time zone 'UTC')::date, ${key}, max(application), sum(requests), min(first_seen), max(last_seen) from moved group by 1, ${key}
on conflict (${key}, day) do update set ${ADD_UP('u')}`;
};

/** Any number for the lock, the same in every process: only one of them rolls up at a time. */
const ROLL_UP_LOCK = "hashtext('rj-usage-roll-up')";

/**
 * Retention: hourly rows older than `hourlyDays` become one row per day (moved in one statement per table, so a
 * count is never in both tables nor lost), daily rows older than `dailyDays` are deleted. Processes that run it at
 * the same time take turns on an advisory lock; the one that does not get it skips (the other does the work).
 */
export async function rollUpUsage(orm: MikroORM, config: Pick<UsageConfig, 'hourlyDays' | 'dailyDays'>): Promise<boolean> {
  return orm.em
    .getConnection()
    .getKnex()
    .transaction(async (trx) => {
      const { rows } = (await trx.raw(`select pg_try_advisory_xact_lock(${ROLL_UP_LOCK}) as locked`)) as { rows: { locked: boolean }[] };
      if (!rows[0].locked) return false;
      for (const kind of ['field', 'referential'] as const) {
        await trx.raw(ROLL_UP(kind, config.hourlyDays));
        await trx.raw(`delete from usage_${kind}_daily where day < current_date - ${config.dailyDays}`);
      }
      return true;
    });
}
