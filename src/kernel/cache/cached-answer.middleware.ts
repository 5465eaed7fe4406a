import { hasJsonBody, type ApiRequest, type ApiResponse, type Next } from '../http/api-chain';
import type { Principal } from '../auth/principal';
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE } from '../errors/infrastructure-fault';
import { refuseHttp, sendJson } from '../http/refuse-http';
import { logAccess, msSince } from '../logger';
import { cachedAnswerHeaders, sendSerialisedAnswer } from './send-answer';
import { operationHash } from '../http/operation-allowlist.plugin';
import { rememberSlot, type ResponseCache } from './response-cache';

/** Told of each hit served here (observed usage counts them like answered requests). */
export type CachedAnswerListener = (
  principal: Principal,
  queryHash: string,
  operationName: string | null | undefined,
  query: string,
  variables: Record<string, unknown> | null | undefined,
) => void;

/**
 * Serves a cached answer to a JSON POST before Apollo: no parsing, planning or serialising, only the data-version
 * read. Runs after authentication, the rate limit and the body limits; the answer was stored by the Apollo plugin
 * for the same query text, variables and scope, so the limits and the allow-list already accepted that operation.
 * GET requests (CSRF rules, 304 revalidation) and misses go on to Apollo; concurrent identical misses run once.
 */
export function cachedAnswerMiddleware(cache: ResponseCache, scopeOf: (principal: Principal) => string, onHit?: CachedAnswerListener) {
  // Misses being answered, by key: identical requests wait for the first instead of all running it (after a publish,
  // every client asks again at once). Only for query texts already cached once: mutations never wait for each other.
  const answering = new Map<string, Promise<void>>();
  return async (req: ApiRequest, res: ApiResponse, next: Next): Promise<void> => {
    const body = req.body as { query?: unknown; operationName?: string | null; variables?: Record<string, unknown> | null } | undefined;
    if (req.method !== 'POST' || !req.principal || !body || typeof body.query !== 'string' || !hasJsonBody(req)) return next();
    try {
      const started = process.hrtime.bigint();
      const queryHash = operationHash(body.query);
      const request = { queryHash, operationName: body.operationName, variables: body.variables, scope: scopeOf(req.principal) };
      const read = await cache.versionsOrStale(request);
      if ('stale' in read) {
        // Stale-if-error: the last answer to this very request, flagged, rather than nothing while the database is down.
        res.setHeader('cache-control', 'no-store');
        if (read.stale === undefined) {
          res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
          return refuseHttp(res, 503, SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE);
        }
        res.setHeader('x-cache', 'STALE');
        res.setHeader('warning', '110 - "Response is Stale"');
        return sendJson(res, `${read.stale}\n`);
      }
      const key = cache.key({ ...request, versions: read.versions });
      let answer = cache.get(key);
      const leader = answer === undefined ? answering.get(key) : undefined;
      if (leader) answer = await leader.then(() => cache.get(key));
      if (answer === undefined) {
        // Apollo's cache plugin stores the answer under this key: no second version read, no second hash.
        rememberSlot(res.locals, { key, queryHash, staleKey: cache.staleKey(request) });
        if (cache.isCacheable(queryHash) && !answering.has(key)) {
          const done = new Promise<void>((resolve) => res.once('close', resolve));
          answering.set(
            key,
            done.then(() => void answering.delete(key)),
          );
        }
        return next();
      }
      sendSerialisedAnswer(req, res, answer, cachedAnswerHeaders(key, 'HIT'));
      onHit?.(req.principal, queryHash, body.operationName, body.query, body.variables);
      logAccess({ operation: body.operationName ?? null, ms: msSince(started), cache: 'HIT' });
    } catch (error) {
      next(error);
    }
  };
}
