import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../../kernel/auth/principal';
import { pageSize, toConnection } from '../../../kernel/graphql/connection';
import { requestLoader } from '../../../kernel/graphql/request-loader';
import type { EntriesFilter } from './entries-filter.input';
import { EntryConnection } from './entry-connection.type';
import { Entry } from './entry.entity';
import { countEntries, entryConditions } from './entry-query';
import { assertReleaseReadable } from '../release/draft-access';
import { tagView } from './entry-visibility';

export interface EntriesArgs {
  at?: string | null;
  release?: number | null;
  filter?: EntriesFilter;
  first?: number | null;
}

interface Key extends EntriesArgs {
  referentialCode: string;
}

/**
 * `Referential.entries` for every referential a request reaches, in three statements whatever their number: the
 * releases to read, the first page of each (a window per referential), and the rows. Searches and later pages go
 * through `EntryService.list` (one referential at a time, ranked or keyed by cursor).
 */
export const firstPagesOfEntries = (em: EntityManager, reader: Principal) =>
  requestLoader<Key, EntryConnection>(em, 'firstPagesOfEntries', async (keys) => {
    const results = new Map<Key, EntryConnection | Error>();
    const groups = new Map<string, Key[]>();
    for (const key of keys) {
      const args = JSON.stringify([key.at ?? null, key.release ?? null, key.filter ?? {}, key.first ?? null]);
      groups.set(args, [...(groups.get(args) ?? []), key]);
    }
    for (const group of groups.values()) {
      const { at, release, filter, first } = group[0];
      const size = pageSize(first);
      const codes = [...new Set(group.map((k) => k.referentialCode))];
      const releases = await em.execute<{ code: string; number: number; status: string }[]>(
        release !== undefined && release !== null
          ? `select referential_code as code, number, status from referential_release where referential_code in (select jsonb_array_elements_text(?::jsonb)) and number = ?`
          : `select referential_code as code, max(number) as number, 'PUBLISHED' as status from referential_release where referential_code in (select jsonb_array_elements_text(?::jsonb)) and status = 'PUBLISHED' group by 1`,
        release !== undefined && release !== null ? [JSON.stringify(codes), release] : [JSON.stringify(codes)],
      );
      // A draft asked for by number: only for its stewards; the others get the refusal, the batch goes on.
      const refused = new Map<string, Error>();
      for (const r of releases) {
        try {
          assertReleaseReadable(r.status, r.code, reader);
        } catch (error) {
          refused.set(r.code, error as Error);
        }
      }
      const numberOf = new Map(releases.filter((r) => !refused.has(r.code)).map((r) => [r.code, Number(r.number)]));
      // One UNION ALL branch per referential, each a plain page query: the planner keeps every index.
      const branches = codes.filter((c) => numberOf.has(c)).map((code) => {
        const where = entryConditions(code, { release: numberOf.get(code)!, at: at ?? null }, filter);
        return { sql: `(select e.id, e.referential_code, e.code from referential_entry e where ${where.sql} order by e.code limit ?)`, params: [...where.params, size + 1] };
      });
      const rows = branches.length
        ? await em.execute<{ id: string; referential_code: string }[]>(branches.map((b) => b.sql).join(' union all '), branches.flatMap((b) => b.params))
        : [];
      const entries = new Map((await em.find(Entry, { id: { $in: rows.map((r) => r.id) } })).map((e) => [String(e.id), e]));
      for (const key of group) {
        const refusal = refused.get(key.referentialCode);
        if (refusal) {
          results.set(key, refusal);
          continue;
        }
        const number = numberOf.get(key.referentialCode);
        const page = number === undefined ? [] : rows.filter((r) => r.referential_code === key.referentialCode)
          .map((r) => tagView(entries.get(String(r.id))!, { release: number, at: at ?? null }))
          .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
        const count = async () => (number === undefined ? 0 : countEntries(em, entryConditions(key.referentialCode, { release: number, at: at ?? null }, filter)));
        results.set(key, toConnection(EntryConnection, page, size, (e) => [e.code], count, false));
      }
    }
    return keys.map((k) => results.get(k)!) as EntryConnection[]; // DataLoader rejects the keys given an Error
  });
