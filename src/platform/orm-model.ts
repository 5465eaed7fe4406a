import { migrationsList } from '../../migrations';
import type { OrmModel } from '../kernel/database/mikro-orm.config';
import { entities } from '../subgraphs/entities';

/** Every subgraph's tables and the migrations that build them: what each entry point (servers, CLI, bench, tests) opens. */
export const ormModel: OrmModel = { entities, migrations: migrationsList };
