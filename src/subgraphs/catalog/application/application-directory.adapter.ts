import type { EntityManager } from '@mikro-orm/postgresql';

/** What other subgraphs may read of the catalog's applications (an API key names one), from the same database. */
export const applicationDirectory = {
  async exists(em: EntityManager, code: string): Promise<boolean> {
    const rows = await em.execute<{ found: number }[]>('select 1 as found from application where code = ?', [code]);
    return rows.length > 0;
  },
};
