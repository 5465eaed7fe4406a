import type { EntityManager } from '@mikro-orm/postgresql';

/** What the security subgraph needs from the catalog: whether an application code exists (API keys name one). */
export interface ApplicationDirectory {
  exists(em: EntityManager, code: string): Promise<boolean>;
}
