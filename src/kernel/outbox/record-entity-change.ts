import { ReferenceKind, wrap, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeType } from './change-type.enum';
import { recordChanges } from './record-changes';

/**
 * For the catalog and exchanges mutations: flushes `entity` in the change's transaction (so it has its key), then
 * records one event carrying its serialised state (relations as keys). Returns the entity, to end a mutation with it.
 */
export async function recordEntityChange<T extends object>(em: EntityManager, type: ChangeType, domain: string, entity: T): Promise<T> {
  await em.flush();
  const wrapped = wrap(entity, true);
  const payload = ownState(entity, wrapped.__meta);
  await recordChanges(em, [{ type, domain, entityType: wrapped.__meta.className, entityKey: String(wrapped.getSerializedPrimaryKey()), payload }]);
  return entity;
}

/** Its own columns, relations to one entity as that entity's key; collections and hidden columns left out. */
function ownState(entity: object, meta: EntityMetadata): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (prop.hidden || prop.lazy || prop.persist === false) continue;
    const value = (entity as Record<string, unknown>)[prop.name];
    if (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.EMBEDDED) state[prop.name] = value ?? null;
    else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      state[prop.name] = value ? wrap(value as object, true).getSerializedPrimaryKey() : null;
    }
  }
  return JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
}
