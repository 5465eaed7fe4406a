import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import type { LegalReference } from '../legal-reference/legal-reference.entity';
import { legalReferencesOf } from '../legal-reference/legal-reference.repository';
import type { EntryMapping } from '../mapping/entry-mapping.entity';
import { mappingsFrom } from '../mapping/entry-mapping.repository';
import type { EntryView } from './entry.entity';
import { childrenByParentCode, entriesByCode, type EntryRow } from './entry.repository';
import { viewKey } from './entry-visibility';

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
    const members = groups.get(group);
    if (members) members.push(key);
    else groups.set(group, [key]);
  }
  const found = new Map<string, R[]>();
  for (const [group, members] of groups) {
    const { referentialCode, view } = members[0];
    for (const row of await fetch(referentialCode, view, [...new Set(members.map((k) => k.code))])) {
      const key = `${group}|${codeOf(row)}`;
      const rows = found.get(key);
      if (rows) rows.push(row);
      else found.set(key, [row]);
    }
  }
  return keys.map((k) => found.get(`${viewKey(k.referentialCode, k.view)}|${k.code}`) ?? []);
}

/** Entries by code in a view (parents, `entry`), batched per request. */
export const entryByCode = (em: EntityManager) =>
  requestLoader<ViewedKey, EntryRow | null>(em, 'entryByCode', async (keys) =>
    (
      await perView(
        keys,
        (referentialCode, view, codes) => entriesByCode(em, referentialCode, view, codes),
        (e) => e.code,
      )
    ).map((rows) => rows[0] ?? null),
  );

/** Children of entries in a view, by code, batched per request. */
export const entryChildren = (em: EntityManager) =>
  requestLoader<ViewedKey, EntryRow[]>(em, 'entryChildren', (keys) =>
    perView(
      keys,
      (referentialCode, view, codes) => childrenByParentCode(em, referentialCode, view, codes),
      (e) => e.parentCode,
    ),
  );

/** Legal references of entry versions, batched per request. */
export const legalReferences = (em: EntityManager) =>
  requestLoader<string, LegalReference[]>(em, 'legalReferences', async (entryIds) =>
    groupByKey(entryIds, await legalReferencesOf(em, entryIds), (r) => String(r.entryId)),
  );

/** Mappings from entries as recorded up to a release, batched per request. */
export const entryMappings = (em: EntityManager) =>
  requestLoader<ViewedKey, EntryMapping[]>(em, 'entryMappings', (keys) =>
    perView(
      keys,
      (referentialCode, view, codes) => mappingsFrom(em, referentialCode, view.release, codes),
      (m) => m.fromCode,
    ),
  );
