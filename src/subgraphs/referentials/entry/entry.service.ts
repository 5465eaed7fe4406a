import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../../kernel/auth/principal';
import { decodeCursor, pageSize, toConnection } from '../../../kernel/graphql/connection';
import { ReleaseService } from '../release/release.service';
import { invalid } from '../referentials.exception';
import type { EntriesFilter } from './entries-filter.input';
import { EntryConnection } from './entry-connection.type';
import { Entry, type EntryView } from './entry.entity';
import { entryByCode } from './entry-loaders';
import { countEntries, entryConditions } from './entry-query';
import { tagView } from './entry-visibility';

const SEARCH_CURSOR = '#';

export class EntryService {
  constructor(private readonly em: EntityManager) {}

  /** The view a read asks for: a release (latest published by default; a draft for its stewards) and, optionally, a day. */
  async view(referentialCode: string, release: number | null | undefined, at: string | null | undefined, reader: Principal): Promise<EntryView | null> {
    const number = await new ReleaseService(this.em).readable(referentialCode, release, reader);
    return number === null ? null : { release: number, at: at ?? null };
  }

  async list(referentialCode: string, view: EntryView | null, filter: EntriesFilter = {}, first?: number | null, after?: string | null): Promise<EntryConnection> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    if (!view) return toConnection(EntryConnection, [] as Entry[], size, () => [], async () => 0, false);
    const where = entryConditions(referentialCode, view, filter);
    const searching = Boolean(filter.search);
    if (cursor && (cursor[0] === SEARCH_CURSOR) !== searching) throw invalid('after belongs to another kind of query (search or not)', 'after');
    const offset = searching && cursor ? Number(cursor[1]) : 0;
    if (!Number.isSafeInteger(offset) || offset < 0) throw invalid('invalid cursor: after is not a cursor returned by this API', 'after');
    const rank = where.search;
    const ids = rank
      ? await this.em.execute<{ id: string }[]>(
        `select e.id from referential_entry e where ${where.sql}
         order by ts_rank(e.search_vector, ${rank.sql}) desc, e.code limit ? offset ?`,
        [...where.params, ...rank.params, size + 1, offset])
      : await this.em.execute<{ id: string }[]>(
        `select e.id from referential_entry e where ${where.sql}${cursor ? ' and e.code > ?' : ''} order by e.code limit ?`,
        [...where.params, ...(cursor ? [String(cursor[0])] : []), size + 1]);
    const loaded = new Map((await this.em.find(Entry, { id: { $in: ids.map((r) => r.id) } })).map((e) => [String(e.id), tagView(e, view)]));
    const rows = ids.map((r) => loaded.get(String(r.id))!);
    const count = () => countEntries(this.em, where);
    // Ranked results page by position; plain lists by code (stable under inserts).
    const position = new Map(rows.map((e, i) => [e, offset + i + 1]));
    const keyOf = searching ? (e: Entry) => [SEARCH_CURSOR, position.get(e)] : (e: Entry) => [e.code];
    return toConnection(EntryConnection, rows, size, keyOf, count, Boolean(cursor));
  }

  async findOne(referentialCode: string, code: string, view: EntryView | null): Promise<Entry | null> {
    return view ? entryByCode(this.em).load({ referentialCode, view, code }) : null;
  }

  /** Every recorded version of a code, oldest first, drafts excluded. */
  async history(referentialCode: string, code: string): Promise<Entry[]> {
    await new ReleaseService(this.em).requireReferential(referentialCode);
    const rows = await this.em.execute<{ id: string }[]>(
      `select e.id from referential_entry e join referential_release r on r.referential_code = e.referential_code and r.number = e.recorded_in
       where e.referential_code = ? and e.code = ? and r.status <> 'DRAFT' order by e.recorded_in`,
      [referentialCode, code],
    );
    const versions = await this.em.find(Entry, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { recordedIn: 'asc' } });
    return versions.map((v) => tagView(v, { release: v.recordedIn, at: null }));
  }
}
