import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config';
import { logger } from '../logger';
import { createOrmConfig, type OrmModel } from './mikro-orm.config';

export interface Database {
  orm: MikroORM;
  url: string;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or boots the embedded PostgreSQL, then applies pending migrations. */
export async function openDatabase(config: AppConfig, model: OrmModel): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded = async (): Promise<void> => undefined;
  if (!url) {
    const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
    const embedded = await startEmbeddedPostgres(config.embeddedPg.dir, config.embeddedPg.port);
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const orm = await connectOrm(url, model);
  await migrate(orm);
  return {
    orm,
    url,
    close: async () => {
      await orm.close(true);
      await stopEmbedded();
    },
  };
}

export async function connectOrm(url: string, model: OrmModel): Promise<MikroORM> {
  try {
    return await MikroORM.init(createOrmConfig(url, model));
  } catch (error) {
    throw new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${(error as Error).message}`, { cause: error });
  }
}

export async function migrate(orm: MikroORM): Promise<void> {
  const applied = await orm.getMigrator().up();
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
}

/** Connection strings carry passwords; logs and errors must not. */
export const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
