import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

// Keyed by the request's forked entity manager: loaders live exactly one request, like its identity map.
const loaders = new WeakMap<EntityManager, Map<string, DataLoader<unknown, unknown>>>();

/** A per-request DataLoader, for batching lookups that are not ORM relations (e.g. rows keyed by another subgraph's code). */
export function requestLoader<K, V>(em: EntityManager, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  let byName = loaders.get(em);
  if (!byName) loaders.set(em, (byName = new Map()));
  let loader = byName.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    byName.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** One batch query, then each key's rows (an empty list when none): the shape a one-to-many loader returns. */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
