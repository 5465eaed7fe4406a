import type { MikroORM } from '@mikro-orm/postgresql';
import { readOutsideTransaction } from '../database/read-rows';
import { coalesceReads } from './coalesce-reads';

/** Every domain's version in one short string: the part of a cache key that changes when any data does. */
export async function readDataVersions(orm: MikroORM): Promise<string> {
  const [row] = await readOutsideTransaction<{ versions: string }>(
    orm.em.getConnection(),
    orm.config.getLogger(),
    `select coalesce(string_agg(domain || '=' || version, ',' order by domain), '') as versions from data_version`,
  );
  return row.versions;
}

/** The reader a server's cache uses: concurrent requests share a read that started after they all arrived. */
export const dataVersionsReader = (orm: MikroORM): (() => Promise<string>) => coalesceReads(() => readDataVersions(orm));
