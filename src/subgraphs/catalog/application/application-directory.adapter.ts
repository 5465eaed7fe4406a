import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicationDirectory } from '../../security/federation/application-directory';

/** The security subgraph's view of the catalog (an API key names its application), read from the same database. */
export const applicationDirectory: ApplicationDirectory = {
  async exists(em: EntityManager, code: string): Promise<boolean> {
    const rows = await em.execute<{ found: number }[]>('select 1 as found from application where code = ?', [code]);
    return rows.length > 0;
  },
};
