import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { Kind, type FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import { today } from '../graphql/scalars';

export interface ResponseCacheOptions<TContext extends BaseContext> {
  /** The data versions, read for every query: a change committed before the request started is never missed. */
  dataVersions(context: TContext): Promise<string>;
  /** What about the caller can change an answer (their roles): callers with the same scope share entries. */
  scopeOf(context: TContext): string;
  /** Bound of the cache, in characters of JSON. */
  maxSize: number;
  /** Root query fields whose answers must always be fresh (keys, audit trail, change feed): never cached. */
  uncachedRootFields?: ReadonlySet<string>;
}

interface Cached {
  result: FormattedExecutionResult;
  size: number;
}

/**
 * Caches the answers to queries, keyed by operation, variables, the caller's scope, the data versions and the day
 * (the one resolvers default `at` to, so the key turns exactly when their answers do).
 * A publish bumps a version in its own transaction, so once it has returned no request can read the old entry.
 * Answers with errors are never kept; mutations are never cached. HTTP clients get an ETag (a GET revalidates to a
 * 304) and `Cache-Control: private, no-cache`, so they too always check before reusing.
 */
export function responseCachePlugin<TContext extends BaseContext>(options: ResponseCacheOptions<TContext>): ApolloServerPlugin<TContext> {
  const cache = new LRUCache<string, Cached>({ maxSize: options.maxSize, sizeCalculation: (entry) => entry.size });
  return {
    async requestDidStart() {
      let key: string | undefined;
      let hit = false;
      return {
        async responseForOperation({ operation, queryHash, request, contextValue }) {
          if (operation.operation !== 'query') return null;
          const uncached = options.uncachedRootFields;
          if (uncached && operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || uncached.has(s.name.value))) return null;
          const parts = [queryHash, request.operationName ?? null, request.variables ?? {}, options.scopeOf(contextValue), await options.dataVersions(contextValue), today()];
          key = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
          const cached = cache.get(key);
          if (!cached) return null;
          hit = true;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: cached.result } };
        },
        async willSendResponse({ response }) {
          const { headers } = response.http;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (!key || !result || result.errors?.length) {
            headers.set('cache-control', 'no-store');
            return;
          }
          if (!hit) cache.set(key, { result, size: JSON.stringify(result).length });
          headers.set('etag', `"${key}"`);
          headers.set('cache-control', 'private, no-cache');
          headers.set('x-cache', hit ? 'HIT' : 'MISS');
        },
      };
    },
  };
}
