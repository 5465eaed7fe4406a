import { wrap, type EntityName, type Primary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * An entity by primary key, or null; batched across a request by MikroORM's reference loader, so resolving a list
 * of federation references costs one query. (The loader hands back the bare reference when no row has the key.)
 */
export async function loadByKey<T extends object>(em: EntityManager, entity: EntityName<T>, key: Primary<T>): Promise<T | null> {
  const found = await em.getReference(entity, key, { wrapped: true }).load();
  return found && wrap(found).isInitialized() ? (found as T) : null;
}
