import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../../kernel/auth/principal';
import { pageSize, toConnection } from '../../../kernel/graphql/connection';
import { requestLoader } from '../../../kernel/graphql/request-loader';
import { assertReleaseReadable } from '../release/draft-access';
import { publishedReleases } from '../release/published-releases';
import type { EntriesFilter } from './entries-filter.input';
import { EntryConnection } from './entry-connection.type';
import { entryConditions } from './entry-query';
import { countEntries, ENTRY_COLUMNS, inViewOf, type EntryRow } from './entry.repository';
import { readRows } from '../../../kernel/database/read-rows';

export interface EntriesArgs {
  at?: string | null;
  release?: number | null;
  filter?: EntriesFilter;
  first?: number | null;
}

interface Key extends EntriesArgs {
  referentialCode: string;
}

/** The release each referential is read in, and the refusals (a draft asked for by someone not its steward). */
interface Releases {
  numbers: Map<string, number>;
  refused: Map<string, Error>;
}

async function releasesToRead(em: EntityManager, codes: string[], release: number | null | undefined, reader: Principal): Promise<Releases> {
  const numbers = new Map<string, number>();
  const refused = new Map<string, Error>();
  if (release === undefined || release === null) {
    const published = await publishedReleases(em);
    for (const code of codes) {
      const latest = published.get(code);
      if (latest !== undefined && latest !== null) numbers.set(code, latest);
    }
    return { numbers, refused };
  }
  const rows = await readRows<{ code: string; status: string }>(
    em,
    'select referential_code as code, status from referential_release where referential_code in (?) and number = ?',
    [codes, release],
  );
  for (const r of rows) {
    try {
      assertReleaseReadable(r.status, r.code, reader);
      numbers.set(r.code, release);
    } catch (error) {
      refused.set(r.code, error as Error);
    }
  }
  return { numbers, refused };
}

/**
 * `Referential.entries` for every referential a request reaches, in one statement whatever their number (a branch
 * per referential), plus one to check the release when it is asked by number. Searches and later pages go through
 * `EntryService.list` (one referential at a time, ranked or keyed by cursor).
 */
export const firstPagesOfEntries = (em: EntityManager, reader: Principal) =>
  requestLoader<Key, EntryConnection>(em, 'firstPagesOfEntries', async (keys) => {
    const results = new Map<Key, EntryConnection | Error>();
    const groups = new Map<string, Key[]>();
    for (const key of keys) {
      const args = JSON.stringify([key.at ?? null, key.release ?? null, key.filter ?? {}, key.first ?? null]);
      const members = groups.get(args);
      if (members) members.push(key);
      else groups.set(args, [key]);
    }
    for (const group of groups.values()) {
      const { at, release, filter, first } = group[0];
      const size = pageSize(first);
      const codes = [...new Set(group.map((k) => k.referentialCode))];
      const { numbers, refused } = await releasesToRead(em, codes, release, reader);
      // One UNION ALL branch per referential, each a plain page query: the planner keeps every index.
      const branches = [...numbers].map(([code, number]) => {
        const where = entryConditions(code, { release: number, at: at ?? null }, filter);
        return { sql: `(select ${ENTRY_COLUMNS} from referential_entry e where ${where.sql} order by e.code limit ?)`, params: [...where.params, size + 1] };
      });
      const rows = branches.length
        ? await readRows<EntryRow>(
            em,
            branches.map((b) => b.sql).join(' union all '),
            branches.flatMap((b) => b.params),
          )
        : [];
      for (const key of group) {
        const refusal = refused.get(key.referentialCode);
        if (refusal) {
          results.set(key, refusal);
          continue;
        }
        const number = numbers.get(key.referentialCode);
        const view = number === undefined ? null : { release: number, at: at ?? null };
        const page = view
          ? inViewOf(
              rows.filter((r) => r.referentialCode === key.referentialCode),
              view,
            ).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
          : []; // SQL does not promise the branches' order survives UNION ALL
        const count = async () => (view ? countEntries(em, entryConditions(key.referentialCode, view, filter)) : 0);
        results.set(
          key,
          toConnection(EntryConnection, page, size, (e) => [e.code], count, false),
        );
      }
    }
    return keys.map((k) => results.get(k)!) as EntryConnection[]; // DataLoader rejects the keys given an Error
  });
