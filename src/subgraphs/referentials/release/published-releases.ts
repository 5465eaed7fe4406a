import type { EntityManager } from '@mikro-orm/postgresql';
import { coalesceReads } from '../../../kernel/cache/coalesce-reads';
import { readOutsideTransaction } from '../../../kernel/database/read-rows';

/** Every referential's code and its latest published release (null while nothing is published). */
export type PublishedReleases = ReadonlyMap<string, number | null>;

const SQL = `select r.code, max(x.number) filter (where x.status = 'PUBLISHED') as latest
  from referential r left join referential_release x on x.referential_code = r.code group by r.code`;

async function read(run: (sql: string) => Promise<{ code: string; latest: number | null }[]>): Promise<PublishedReleases> {
  return new Map((await run(SQL)).map((r) => [r.code, r.latest === null ? null : Number(r.latest)]));
}

// One shared reader per database connection (a process has one; test suites have one each).
const readers = new WeakMap<object, () => Promise<PublishedReleases>>();
// What a request saw: its every read resolves releases alike.
const seen = new WeakMap<EntityManager, Promise<PublishedReleases>>();

/**
 * The latest published release of each referential, as of this request: read once per request, that read shared by
 * the requests that arrived before it started (as the response cache's data versions are), so a publish committed
 * before a request arrived is always seen, by every instance, and a burst of reads costs one tiny statement.
 * Inside a transaction, read there: the transaction's own writes count.
 */
export function publishedReleases(em: EntityManager): Promise<PublishedReleases> {
  if (em.isInTransaction()) return read((sql) => em.execute(sql));
  let releases = seen.get(em);
  if (!releases) {
    const connection = em.getConnection();
    let reader = readers.get(connection);
    const log = em.config.getLogger();
    if (!reader) readers.set(connection, (reader = coalesceReads(() => read((sql) => readOutsideTransaction(connection, log, sql)))));
    releases = reader();
    seen.set(em, releases);
    // A failed read is not remembered: the request's next resolver tries again.
    releases.catch(() => seen.delete(em));
  }
  return releases;
}
