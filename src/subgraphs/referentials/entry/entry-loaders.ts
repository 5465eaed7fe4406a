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

/**
 * One query per distinct view among the keys (in practice: one), then each key's rows, matched on the code that
 * `codeOf` reads from a row (its own code, its parent's, a mapping's source).
 */
async function perView<R>(
  keys: readonly ViewedKey[],
  fetch: (referentialCode: string, view: EntryView, codes: string[]) => Promise<R[]>,
  codeOf: (row: R) => string | null | undefined,
): Promise<R[][]> {
  const groups = new Map<string, ViewedKey[]>();
  for (const key of keys) {
    const group = viewKey(key.referentialCode, key.view);
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const found = new Map<string, R[]>();
  for (const [group, members] of groups) {
    const { referentialCode, view } = members[0];
    for (const row of await fetch(referentialCode, view, members.map((k) => k.code))) {
      const key = `${group}|${codeOf(row)}`;
      found.set(key, [...(found.get(key) ?? []), row]);
    }
  }
  return keys.map((k) => found.get(`${viewKey(k.referentialCode, k.view)}|${k.code}`) ?? []);
}

/** Entries by code in a view (parents, references from other entries), batched per request. */
export const entryByCode = (em: EntityManager) =>
  requestLoader<ViewedKey, Entry | null>(em, 'entryByCode', async (keys) =>
    (await perView(keys, async (referentialCode, view, codes) =>
      (await em.find(Entry, { $and: [inView(referentialCode, view), { code: { $in: codes } }] })).map((e) => tagView(e, view)), (e) => e.code,
    )).map((rows) => rows[0] ?? null));

/** Children of entries in a view, by code, batched per request. */
export const entryChildren = (em: EntityManager) =>
  requestLoader<ViewedKey, Entry[]>(em, 'entryChildren', (keys) =>
    perView(keys, async (referentialCode, view, codes) =>
      (await em.find(Entry, { $and: [inView(referentialCode, view), { parentCode: { $in: codes } }] }, { orderBy: { code: 'asc' } })).map((e) => tagView(e, view)),
    (e) => e.parentCode));

/** Legal references of entry versions, batched per request. */
export const legalReferences = (em: EntityManager) =>
  requestLoader<string, LegalReference[]>(em, 'legalReferences', async (entryIds) => {
    const rows = await em.find(LegalReference, { entryId: { $in: [...entryIds] } }, { orderBy: { role: 'asc', position: 'asc' } });
    return groupByKey(entryIds, rows, (r) => String(r.entryId));
  });

/** Mappings from entries as recorded up to a release, batched per request. */
export const entryMappings = (em: EntityManager) =>
  requestLoader<ViewedKey, EntryMapping[]>(em, 'entryMappings', (keys) =>
    perView(keys, (referentialCode, view, codes) =>
      em.find(EntryMapping, { fromReferential: referentialCode, fromCode: { $in: codes }, recordedIn: { $lte: view.release } }, { orderBy: { id: 'asc' } }),
    (m) => m.fromCode));
