import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { infrastructureFault, logInfrastructureFault } from '../errors/infrastructure-fault';
import { today } from '../graphql/scalars';

/** A request's place in the cache, worked out once before Apollo and carried into the GraphQL context. */
export interface CacheSlot {
  key: string;
  queryHash: string;
  /** The same request whatever the data versions: where its last answer is found while the database is down. */
  staleKey?: string;
}

const SLOT = 'responseCacheSlot';

/** Keeps a request's slot in Express's per-request `res.locals`, where the context builder finds it. */
export const rememberSlot = (locals: Record<string, unknown>, slot: CacheSlot): void => void (locals[SLOT] = slot);
export const slotIn = (locals: Record<string, unknown>): CacheSlot | undefined => locals[SLOT] as CacheSlot | undefined;

/** What identifies an answer: the operation as sent, the caller's scope, the data it read and the day. */
export interface CacheKeyParts {
  /** SHA-256 (hex) of the query text: Apollo's `queryHash`, the allow-list's `operationHash`. */
  queryHash: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  scope: string;
  versions: string;
}

/**
 * Serialised answers to queries, shared by the Apollo plugin (which stores them) and the HTTP fast path (which
 * serves hits without entering Apollo). The day in the key is the one resolvers default `at` to, so entries turn
 * exactly when their answers do.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, string>;
  /** Query texts (by hash) whose answers have been stored: only their misses are worth waiting for. */
  private readonly cacheableQueries = new LRUCache<string, true>({ max: 10_000 });
  /** The key of the latest answer stored for each request, versions aside (stale-if-error). */
  private readonly latest = new LRUCache<string, string>({ max: 50_000 });

  constructor(
    maxSize: number,
    readonly dataVersions: () => Promise<string>,
  ) {
    this.entries = new LRUCache<string, string>({ maxSize, sizeCalculation: (body) => body.length });
  }

  key(parts: CacheKeyParts): string {
    const material = [parts.queryHash, parts.operationName ?? null, parts.variables ?? {}, parts.scope, parts.versions, today()];
    return createHash('sha256').update(JSON.stringify(material)).digest('base64url');
  }

  /** The request's identity without the data versions and the day: served only when those cannot be read. */
  staleKey(parts: Omit<CacheKeyParts, 'versions'>): string {
    const material = [parts.queryHash, parts.operationName ?? null, parts.variables ?? {}, parts.scope];
    return createHash('sha256').update(JSON.stringify(material)).digest('base64url');
  }

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  /**
   * The data versions, or, when the database cannot be read, the last answer stored for this very request (stale-if-
   * error; undefined when there is none). The fault is logged here, once for both entry points.
   */
  async versionsOrStale(parts: Omit<CacheKeyParts, 'versions'>): Promise<{ versions: string } | { stale: string | undefined }> {
    try {
      return { versions: await this.dataVersions() };
    } catch (error) {
      const fault = infrastructureFault(error);
      if (!fault) throw error;
      logInfrastructureFault(fault, error, 'response cache');
      return { stale: this.getStale(this.staleKey(parts)) };
    }
  }

  /** The last answer stored for this request, if still in memory: what a client gets while the database is down. */
  getStale(staleKey: string): string | undefined {
    const key = this.latest.get(staleKey);
    return key === undefined ? undefined : this.entries.get(key);
  }

  set(key: string, body: string, queryHash: string, staleKey?: string): void {
    this.entries.set(key, body);
    this.cacheableQueries.set(queryHash, true);
    if (staleKey) this.latest.set(staleKey, key);
  }

  /** Whether answers to this query text have been stored before (a query, not a mutation or a never-cached read). */
  isCacheable(queryHash: string): boolean {
    return this.cacheableQueries.has(queryHash);
  }
}
