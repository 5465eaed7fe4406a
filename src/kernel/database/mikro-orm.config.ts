import { DataloaderType } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { migrationsList } from '../../../migrations';
import { entities } from '../../subgraphs/entities';
import { changeCollectorSubscriber } from '../audit/change-collector';

const statementTimeoutMs = (): number => {
  const raw = Number(process.env.STATEMENT_TIMEOUT_MS ?? 30_000);
  return Number.isInteger(raw) && raw >= 0 ? raw : 30_000;
};

/** One ORM over every module's tables: the subgraphs are separate APIs, not separate databases (yet). */
export function createOrmConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // Ref.load() / Collection.load() are batched per tick: no resolver does a query per parent row.
    dataloader: DataloaderType.ALL,
    discovery: { requireEntitiesArray: true, disableDynamicFileAccess: true },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: 10 },
    // The execution timeout of API requests: no statement runs longer (imports use their own connection).
    driverOptions: { connection: { statement_timeout: statementTimeoutMs() } },
    allowGlobalContext: false,
    // Feeds the audit trail with each mutation's before/after (see kernel/audit).
    subscribers: [changeCollectorSubscriber],
    ...overrides,
  });
}
