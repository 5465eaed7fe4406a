import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../../kernel/auth/principal';
import { decodeCursor, pageSize, toConnection } from '../../../kernel/graphql/connection';
import { assertReleaseReadable } from '../release/draft-access';
import { publishedReleases } from '../release/published-releases';
import { ReleaseService } from '../release/release.service';
import { invalid, referentialNotFound } from '../referentials.exception';
import type { EntriesFilter } from './entries-filter.input';
import { EntryConnection } from './entry-connection.type';
import type { EntryView } from './entry.entity';
import { entryByCode } from './entry-loaders';
import { entryConditions } from './entry-query';
import { countEntries, pageOfEntries, publishedVersions, type EntryRow, type PageExtras } from './entry.repository';

const SEARCH_CURSOR = '#';

export class EntryService {
  constructor(
    private readonly em: EntityManager,
    private readonly releases = new ReleaseService(em),
  ) {}

  /** The view a read asks for: a release (latest published by default; a draft for its stewards) and, optionally, a day. */
  async view(referentialCode: string, release: number | null | undefined, at: string | null | undefined, reader: Principal): Promise<EntryView | null> {
    const published = await publishedReleases(this.em);
    if (!published.has(referentialCode)) throw referentialNotFound(referentialCode);
    if (release === undefined || release === null) {
      const latest = published.get(referentialCode)!;
      return latest === null ? null : { release: latest, at: at ?? null };
    }
    assertReleaseReadable((await this.releases.require(referentialCode, release)).status, referentialCode, reader);
    return { release, at: at ?? null };
  }

  /** A page of a view; `extras` are read with it (see `pageOfEntries`), the others when their resolvers ask. */
  async list(
    referentialCode: string,
    view: EntryView | null,
    filter: EntriesFilter = {},
    first?: number | null,
    after?: string | null,
    extras: PageExtras = {},
  ): Promise<EntryConnection> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    if (!view)
      return toConnection(
        EntryConnection,
        [] as EntryRow[],
        size,
        () => [],
        async () => 0,
        false,
      );
    const where = entryConditions(referentialCode, view, filter);
    const searching = Boolean(filter.search);
    if (cursor && (cursor[0] === SEARCH_CURSOR) !== searching) throw invalid('after belongs to another kind of query (search or not)', 'after');
    const offset = searching && cursor ? Number(cursor[1]) : 0;
    if (!Number.isSafeInteger(offset) || offset < 0) throw invalid('invalid cursor: after is not a cursor returned by this API', 'after');
    const start = searching ? { offset } : { afterCode: cursor ? String(cursor[0]) : undefined };
    const { rows, totalCount } = await pageOfEntries(this.em, referentialCode, view, where, start, size, extras);
    // An empty page after a cursor says nothing of the total: counted apart, as when the count was not selected.
    const count = async () => totalCount ?? (rows.length || cursor ? countEntries(this.em, where) : 0);
    // Ranked results page by position; plain lists by code (stable under inserts).
    const keyOf = searching ? (_e: EntryRow, index: number) => [SEARCH_CURSOR, offset + index + 1] : (e: EntryRow) => [e.code];
    return toConnection(EntryConnection, rows, size, keyOf, count, Boolean(cursor));
  }

  async findOne(referentialCode: string, code: string, view: EntryView | null): Promise<EntryRow | null> {
    return view ? entryByCode(this.em).load({ referentialCode, view, code }) : null;
  }

  /** Every recorded version of a code, oldest first, drafts excluded. */
  async history(referentialCode: string, code: string): Promise<EntryRow[]> {
    if (!(await publishedReleases(this.em)).has(referentialCode)) throw referentialNotFound(referentialCode);
    return publishedVersions(this.em, referentialCode, code);
  }
}
