import { DataloaderType, type MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { types as pgTypes, type Client } from 'pg';
import { changeCollectorSubscriber } from '../audit/change-collector';
import { logger } from '../logger';
import { disableWriteContextsWhenIdle } from './idle-write-contexts';

const text = (message: unknown): string => (message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message));
const knexLog = {
  warn: (message: unknown) => logger.warn({ knex: text(message) }, 'knex'),
  error: (message: unknown) => logger.error({ knex: text(message) }, 'knex'),
  deprecate: (method: string, alternative: string) => logger.warn({ knex: `${method} is deprecated, use ${alternative}` }, 'knex'),
  debug: (message: unknown) => logger.debug({ knex: text(message) }, 'knex'),
};

const millis = (name: string, fallback: number): number => {
  const raw = Number(process.env[name] ?? fallback);
  return Number.isInteger(raw) && raw >= 0 ? raw : fallback;
};
const statementTimeoutMs = (): number => millis('STATEMENT_TIMEOUT_MS', 30_000);

/**
 * Every wait on the database is bounded, even when the server is frozen and enforces nothing itself: connecting,
 * waiting for a pooled connection, and each statement (the server's statement_timeout, then the client's own).
 */
export const databaseWaits = () => ({
  connectMs: millis('DB_CONNECT_TIMEOUT_MS', 5_000),
  acquireMs: millis('DB_ACQUIRE_TIMEOUT_MS', 5_000),
  statementMs: statementTimeoutMs(),
});

/**
 * int8 (ids, counts) kept as the text PostgreSQL sends, on each pooled connection over MikroORM's own parsers: pg's
 * default returns that same string, after a regex test per value (2 % of an `at` page's CPU).
 */
const int8AsText = (connection: Client, done: (error: Error | null, connection: Client) => void): void => {
  connection.setTypeParser(pgTypes.builtins.INT8, 'text', (value: string) => value);
  done(null, connection);
};

/** The tables the ORM maps and the migrations that build them: the platform knows the subgraphs, the kernel does not. */
export interface OrmModel {
  entities: NonNullable<Options['entities']>;
  migrations: MigrationObject[];
}

/** One ORM over every module's tables: the subgraphs are separate APIs, not separate databases (yet). */
export function createOrmConfig(clientUrl: string, model: OrmModel, overrides: Partial<Options> = {}): Options {
  // Every ORM of the process, the tests' included: reads do not pay for the async contexts of writes (see there).
  disableWriteContextsWhenIdle();
  return defineConfig({
    clientUrl,
    entities: model.entities,
    extensions: [Migrator],
    // Ref.load() / Collection.load() are batched per tick: no resolver does a query per parent row.
    dataloader: DataloaderType.ALL,
    discovery: { requireEntitiesArray: true, disableDynamicFileAccess: true },
    migrations: { migrationsList: model.migrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    // The execution timeout of API requests: no statement runs longer (imports use their own connection).
    driverOptions: ((waits) => ({
      acquireConnectionTimeout: waits.acquireMs,
      // knex's own warnings would go to the console as plain text: they join the JSON log instead.
      log: knexLog,
      connection: {
        statement_timeout: waits.statementMs,
        // The client gives up a little after the server would have: a frozen server answers nothing.
        ...(waits.statementMs > 0 ? { query_timeout: waits.statementMs + 2_000 } : {}),
        connectionTimeoutMillis: waits.connectMs,
        keepAlive: true,
      },
    }))(databaseWaits()),
    allowGlobalContext: false,
    logger: (message: string) => logger.debug({ orm: message }, 'mikro-orm'),
    // Feeds the audit trail with each mutation's before/after (see kernel/audit).
    subscribers: [changeCollectorSubscriber],
    ...overrides,
    // A test's pool size keeps the parsers.
    pool: { min: 0, max: 10, afterCreate: int8AsText, ...overrides.pool },
  });
}
