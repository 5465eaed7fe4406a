import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { Kind, type FormattedExecutionResult } from 'graphql';
import { operationHash } from '../http/operation-allowlist.plugin';
import type { CacheSlot, ResponseCache } from './response-cache';
import { cachedAnswerHeaders } from './send-answer';

export interface ResponseCacheOptions<TContext extends BaseContext> {
  cache: ResponseCache;
  /** What about the caller can change an answer (their roles): callers with the same scope share entries. */
  scopeOf(context: TContext): string;
  /** Root query fields whose answers must always be fresh (keys, audit trail, change feed): never cached. */
  uncachedRootFields?: ReadonlySet<string>;
  /** The slot the fast path already worked out for this request (JSON POSTs), if any. */
  slotOf?(context: TContext): CacheSlot | undefined;
}

/**
 * Caches the answers to queries, keyed by operation, variables, the caller's scope, the data versions (read after
 * the request arrived) and the day. A publish bumps a version in its own transaction, so once it has returned no
 * request can read the old entry. Answers with errors are never kept; mutations are never cached. HTTP clients get
 * an ETag (a GET revalidates to a 304) and `Cache-Control: private, no-cache`, so they too always check before reusing.
 * JSON POST hits are mostly served before Apollo (cached-answer.middleware.ts); this plugin stores and serves the rest.
 */
export function responseCachePlugin<TContext extends BaseContext>(options: ResponseCacheOptions<TContext>): ApolloServerPlugin<TContext> {
  const { cache } = options;
  return {
    async requestDidStart() {
      let slot: CacheSlot | undefined;
      let hit = false;
      let stale = false;
      return {
        async responseForOperation({ operation, queryHash, request, contextValue }) {
          if (operation.operation !== 'query') return null;
          const uncached = options.uncachedRootFields;
          if (uncached && operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || uncached.has(s.name.value))) return null;
          slot = options.slotOf?.(contextValue);
          if (!slot) {
            const hash = queryHash ?? operationHash(request.query ?? '');
            const parts = { queryHash: hash, operationName: request.operationName, variables: request.variables, scope: options.scopeOf(contextValue) };
            const read = await cache.versionsOrStale(parts);
            if ('stale' in read) {
              // No stored answer: the operation runs and its resolvers report the outage themselves.
              if (read.stale === undefined) return null;
              stale = true;
              return {
                http: { status: undefined, headers: new HeaderMap() },
                body: { kind: 'single', singleResult: JSON.parse(read.stale) as FormattedExecutionResult },
              };
            }
            slot = { key: cache.key({ ...parts, versions: read.versions }), queryHash: hash, staleKey: cache.staleKey(parts) };
          }
          const body = cache.get(slot.key);
          if (body === undefined) return null;
          hit = true;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: JSON.parse(body) as FormattedExecutionResult },
          };
        },
        async willSendResponse({ response }) {
          const { headers } = response.http;
          if (stale) {
            headers.set('cache-control', 'no-store');
            headers.set('x-cache', 'STALE');
            headers.set('warning', '110 - "Response is Stale"');
            return;
          }
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (!slot || !result || result.errors?.length) {
            headers.set('cache-control', 'no-store');
            return;
          }
          if (!hit) cache.set(slot.key, JSON.stringify(result), slot.queryHash, slot.staleKey);
          for (const [name, value] of Object.entries(cachedAnswerHeaders(slot.key, hit ? 'HIT' : 'MISS'))) headers.set(name, value);
        },
      };
    },
  };
}
