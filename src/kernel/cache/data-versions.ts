import type { EntityManager } from '@mikro-orm/postgresql';

/** Every domain's version in one short string: the part of a cache key that changes when any data does. */
export async function readDataVersions(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ versions: string }[]>(`select coalesce(string_agg(domain || '=' || version, ',' order by domain), '') as versions from data_version`);
  return row.versions;
}
