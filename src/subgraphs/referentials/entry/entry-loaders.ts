import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import { LegalReference } from '../legal-reference/legal-reference.entity';
import { EntryMapping } from '../mapping/entry-mapping.entity';
import { Entry, type EntryView } from './entry.entity';
import { inView, tagView, viewKey } from './entry-visibility';

interface ViewedKey {
  referentialCode: string;
  view: EntryView;
  code: string;
}

/** Groups keys by view so each batch costs one query per distinct view (in practice: one). */
function byView<K extends ViewedKey>(keys: readonly K[]): Map<string, K[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const group = viewKey(key.referentialCode, key.view);
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  return groups;
}

/** Entries by code in a view (parents, references from other entries), batched per request. */
export const entryByCode = (em: EntityManager) =>
  requestLoader<ViewedKey, Entry | null>(em, 'entryByCode', async (keys) => {
    const found = new Map<string, Entry>();
    for (const group of byView(keys).values()) {
      const { referentialCode, view } = group[0];
      const rows = await em.find(Entry, { $and: [inView(referentialCode, view), { code: { $in: group.map((k) => k.code) } }] });
      for (const row of rows) found.set(`${viewKey(referentialCode, view)}|${row.code}`, tagView(row, view));
    }
    return keys.map((k) => found.get(`${viewKey(k.referentialCode, k.view)}|${k.code}`) ?? null);
  });

/** Children of entries in a view, batched per request. */
export const entryChildren = (em: EntityManager) =>
  requestLoader<ViewedKey, Entry[]>(em, 'entryChildren', async (keys) => {
    const found = new Map<string, Entry[]>();
    for (const group of byView(keys).values()) {
      const { referentialCode, view } = group[0];
      const rows = await em.find(Entry, { $and: [inView(referentialCode, view), { parentCode: { $in: group.map((k) => k.code) } }] }, { orderBy: { code: 'asc' } });
      for (const row of rows) {
        const key = `${viewKey(referentialCode, view)}|${row.parentCode}`;
        found.set(key, [...(found.get(key) ?? []), tagView(row, view)]);
      }
    }
    return keys.map((k) => found.get(`${viewKey(k.referentialCode, k.view)}|${k.code}`) ?? []);
  });

/** Legal references of entry versions, batched per request. */
export const legalReferences = (em: EntityManager) =>
  requestLoader<string, LegalReference[]>(em, 'legalReferences', async (entryIds) => {
    const rows = await em.find(LegalReference, { entryId: { $in: [...entryIds] } }, { orderBy: { role: 'asc', position: 'asc' } });
    return groupByKey(entryIds, rows, (r) => String(r.entryId));
  });

/** Mappings from entries as recorded up to a release, batched per request. */
export const entryMappings = (em: EntityManager) =>
  requestLoader<ViewedKey, EntryMapping[]>(em, 'entryMappings', async (keys) => {
    const found = new Map<string, EntryMapping[]>();
    for (const group of byView(keys).values()) {
      const { referentialCode, view } = group[0];
      const rows = await em.find(EntryMapping, { fromReferential: referentialCode, fromCode: { $in: group.map((k) => k.code) }, recordedIn: { $lte: view.release } }, { orderBy: { id: 'asc' } });
      for (const row of rows) {
        const key = `${viewKey(referentialCode, view)}|${row.fromCode}`;
        found.set(key, [...(found.get(key) ?? []), row]);
      }
    }
    return keys.map((k) => found.get(`${viewKey(k.referentialCode, k.view)}|${k.code}`) ?? []);
  });
