import { hasJsonBody, type ApiRequest, type ApiResponse, type Next } from '../../kernel/http/api-chain';
import { execute, getOperationAST, Kind, type OperationDefinitionNode } from 'graphql';
import { slotIn, type ResponseCache } from '../../kernel/cache/response-cache';
import { cachedAnswerHeaders, sendSerialisedAnswer } from '../../kernel/cache/send-answer';
import type { GraphQLContext } from '../../kernel/graphql/context';
import type { HttpServerOptions } from '../../kernel/http/http-server';
import { findInputProblem } from '../../kernel/http/input-limits';
import { operationHash } from '../../kernel/http/operation-allowlist.plugin';
import { logAccess, logger, msSince } from '../../kernel/logger';
import type { UsageRecorder } from '../../kernel/usage/usage-recorder';
import type { DirectRoutes } from './direct-routes';
import { runEntityChain } from './entity-chain';

export interface DirectAnswerOptions {
  routes: DirectRoutes;
  context: HttpServerOptions['context'];
  /** The allow-list as Apollo's plugin applies it at the edge: a caller held to it takes the whole path unless its document is listed. */
  allowList?: { enforceForAll: boolean; allowed: ReadonlySet<string> };
  /** Where answers are stored for the next identical request, when the server caches. */
  cache?: { cache: ResponseCache; uncachedRootFields: ReadonlySet<string> };
  usage?: UsageRecorder | null;
}

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

const isVariables = (value: unknown): value is Record<string, unknown> | null | undefined =>
  value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));

const cacheableOperation = (operation: OperationDefinitionNode, uncached: ReadonlySet<string>): boolean =>
  operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && !uncached.has(s.name.value));

/**
 * Answers a query whose document has a direct route (see planned-routes.ts and accepted-routes.ts): executed once, on
 * that schema, with the client's document, instead of through Apollo Server (and, in one process, the gateway's plan
 * and second pass over the result). Only clean answers are given here: a request that Apollo would refuse or that
 * ends with any error goes on to the whole path, which gives the canonical answer (a query has no side effect, so
 * running it again is safe). Apollo accepted the same document before (limits, cost, validation), or the same with
 * other literals, and the checks that depend on the request (allow-list, input limits, variables) run here as they do
 * there.
 */
export function directAnswerMiddleware(options: DirectAnswerOptions) {
  const { routes, allowList, cache, usage } = options;
  return async (req: ApiRequest, res: ApiResponse, next: Next): Promise<void> => {
    const body = req.body as GraphQLBody | undefined;
    const principal = req.principal;
    if (req.method !== 'POST' || !principal || !body || typeof body.query !== 'string' || body.extensions !== undefined) return next();
    const { query, operationName = null, variables } = body;
    if ((operationName !== null && typeof operationName !== 'string') || !isVariables(variables) || !hasJsonBody(req)) return next();
    try {
      const started = process.hrtime.bigint();
      const slot = slotIn(res.locals);
      const queryHash = slot?.queryHash ?? operationHash(query);
      // A document never judged may be one judged before with other literals (a court's code, a commune's INSEE code).
      const found = routes.find(queryHash, operationName, query);
      if (!found) return next();
      const { route, literals } = found;
      if (allowList && (allowList.enforceForAll || principal.allowListOnly) && !allowList.allowed.has(queryHash)) return next();
      const values = literals ? { ...variables, ...literals } : (variables ?? {});
      if (findInputProblem(route.schema, route.document, values)) return next();
      const operation = getOperationAST(route.document, operationName);
      if (!operation) return next();
      const contextValue: GraphQLContext = await options.context({ headers: req.headers, principal, locals: res.locals });
      const result = route.chain
        ? await runEntityChain(route.chain, contextValue, values, operationName)
        : route.compiled
          ? await route.compiled.query(undefined, contextValue, values)
          : await execute({ schema: route.schema, document: route.document, variableValues: values, operationName, contextValue });
      if (!result || result.errors?.length || !result.data) return next();
      const answer = JSON.stringify(result);
      // As the cache plugin does on the whole path: stored under the slot the cache's fast path worked out.
      const cached = cache && slot && cacheableOperation(operation, cache.uncachedRootFields);
      if (cached) cache.cache.set(slot.key, answer, slot.queryHash, slot.staleKey);
      // Without a cache slot, Apollo's answer to an operation without a cache policy.
      sendSerialisedAnswer(req, res, answer, cached ? cachedAnswerHeaders(slot.key, 'MISS') : { 'cache-control': 'no-store' });
      usage?.record(principal, queryHash, operationName, route.document, values);
      logAccess({ operation: operationName ?? operation.name?.value ?? null, ms: msSince(started), path: 'direct' });
    } catch (error) {
      // Whatever failed here, the whole path answers (and reports) it; after the answer left, only the log can.
      if (!res.headersSent) return next();
      logger.error({ err: error }, 'direct answer');
    }
  };
}
