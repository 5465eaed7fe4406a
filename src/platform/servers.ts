import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createInProcessGateway, createRemoteGateway } from '../gateway/gateway';
import { subgraphsReady, supergraphUrls } from '../gateway/subgraph-health';
import { readCommittedSupergraph } from '../gateway/supergraph';
import express from 'express';
import { createAuthenticator } from '../kernel/auth/authenticate';
import { assertionAuthenticator } from '../kernel/auth/gateway-assertion';
import type { Principal } from '../kernel/auth/principal';
import { loadSecurityConfig, type SecurityConfig } from '../kernel/auth/security-config';
import { dataVersionsReader } from '../kernel/cache/data-versions';
import { cachedAnswerMiddleware, type CachedAnswerListener } from '../kernel/cache/cached-answer.middleware';
import { ResponseCache, slotIn } from '../kernel/cache/response-cache';
import { responseCachePlugin } from '../kernel/cache/response-cache.plugin';
import { loadConfig } from '../kernel/config';
import type { GraphQLContext } from '../kernel/graphql/context';
import { startHttpServer, type HttpServer, type HttpServerOptions } from '../kernel/http/http-server';
import { logger } from '../kernel/logger';
import { startUsageRecording } from '../kernel/usage/start-usage-recording';
import type { UsageRecorder } from '../kernel/usage/usage-recorder';
import { usagePlugin } from '../kernel/usage/usage.plugin';
import type { RunningChangeFeed } from '../relay/start-change-feed';
import { subgraphs } from '../subgraphs';
import { AcceptedRoutes } from '../gateway/direct-answers/accepted-routes';
import { directAnswerMiddleware } from '../gateway/direct-answers/direct-answer.middleware';
import { PlannedRoutes } from '../gateway/direct-answers/planned-routes';
import { readAllowList } from '../kernel/http/operation-allowlist.plugin';
import { runningTracing } from '../kernel/tracing/running-tracing';
import type { SubgraphDefinition, SubgraphServing } from '../subgraphs/subgraph-definition';

export interface Listen {
  host: string;
  port: number;
}

const requestContext =
  (orm: MikroORM) =>
  async ({ principal, locals }: { principal: Principal; locals: Record<string, unknown> }): Promise<GraphQLContext> => ({
    em: orm.em.fork(),
    logger,
    principal,
    actor: principal.id,
    cacheSlot: slotIn(locals),
  });

const databaseReady = (orm: MikroORM) => async (): Promise<boolean> => {
  try {
    return (await orm.getMigrator().getPendingMigrations()).length === 0;
  } catch {
    return false;
  }
};

/**
 * What about a caller can change an answer: roles, stewardships and being held to the allow-list (a hit skips the
 * check, so only callers held to it may share its entries), never who they are (applications share entries).
 */
const cacheScope = (principal: Principal): string =>
  [
    principal.kind === 'anonymous' ? 'anonymous' : 'authenticated',
    [...principal.roles].sort().join('+'),
    [...principal.stewardOf].sort().join('+'),
    principal.allowListOnly ? 'listed' : 'free',
  ].join('/');

/** The response cache of a server that has the database to read the data versions from; none when set to 0 MiB. */
function responseCaching(
  orm: MikroORM,
  uncachedRootFields: ReadonlySet<string>,
  onHit?: CachedAnswerListener,
): Pick<HttpServerOptions, 'plugins' | 'beforeApollo'> & { cache?: ResponseCache } {
  const mb = loadConfig().responseCacheMb;
  if (mb === 0) return {};
  const cache = new ResponseCache(mb * 1024 * 1024, dataVersionsReader(orm));
  return {
    cache,
    plugins: [
      responseCachePlugin<GraphQLContext>({
        cache,
        scopeOf: (context) => cacheScope(context.principal),
        slotOf: (context) => context.cacheSlot,
        uncachedRootFields,
      }),
    ],
    beforeApollo: [cachedAnswerMiddleware(cache, cacheScope, onHit)],
  };
}

/** The root query fields of the subgraphs that are not cacheable. */
function uncachedRootFields(schemas: ReadonlyMap<string, GraphQLSchema>, definitions: readonly SubgraphDefinition[] = subgraphs): Set<string> {
  const uncached = new Set(definitions.filter((d) => !d.cacheable).map((d) => d.name));
  return new Set([...schemas].filter(([name]) => uncached.has(name)).flatMap(([, schema]) => Object.keys(schema.getQueryType()?.getFields() ?? {})));
}

export async function buildSubgraphSchemas(definitions: readonly SubgraphDefinition[] = subgraphs): Promise<Map<string, GraphQLSchema>> {
  return new Map(await Promise.all(definitions.map(async (d) => [d.name, await d.buildSchema()] as const)));
}

/** The HTTP routes the definitions declare, in one router: what a server mounts beside /graphql. */
function declaredRoutes(definitions: readonly SubgraphDefinition[], serving: SubgraphServing): Pick<HttpServerOptions, 'routes'> {
  const routers = definitions.flatMap((d) => (d.routes ? [d.routes(serving)] : []));
  return routers.length ? { routes: express.Router().use(...routers) } : {};
}

/** The `/metrics` and `/readyz` details the definitions declare: their metrics one after the other, their details side by side. */
function declaredObservability(definitions: readonly SubgraphDefinition[], serving: SubgraphServing): Pick<HttpServerOptions, 'metrics' | 'readyDetails'> {
  const declared = definitions.flatMap((d) => (d.observability ? [d.observability(serving)] : []));
  const metrics = declared.flatMap((o) => (o.metrics ? [o.metrics] : []));
  const details = declared.flatMap((o) => (o.readyDetails ? [o.readyDetails] : []));
  return {
    ...(metrics.length
      ? { metrics: { contentType: metrics[0].contentType, metrics: async () => (await Promise.all(metrics.map((m) => m.metrics()))).join('\n') } }
      : {}),
    ...(details.length ? { readyDetails: async () => Object.assign({}, ...(await Promise.all(details.map((read) => read())))) } : {}),
  };
}

/** Observed usage, counted at the edge only (never again in the subgraphs): answered requests and cache hits alike. */
const countedAt = (recorder: UsageRecorder | null): { onHit?: CachedAnswerListener; plugins: HttpServerOptions['plugins'] } =>
  recorder
    ? { onHit: (principal, hash, name, query, variables) => recorder.record(principal, hash, name, query, variables), plugins: [usagePlugin(recorder)] }
    : { plugins: [] };

/** The server stops first (in-flight requests are counted), then the last counters are written. */
const stoppingUsage = (http: HttpServer, recorder: UsageRecorder | null): HttpServer =>
  recorder
    ? {
        ...http,
        stop: async () => {
          await http.stop();
          await recorder.stop();
        },
      }
    : http;

/** `npm start`: the gateway and every subgraph in one process, subgraph fetches executed in memory. */
export async function startOneProcessServer(
  orm: MikroORM,
  listen: Listen,
  security: SecurityConfig = loadSecurityConfig(),
  changeFeed?: RunningChangeFeed | null,
): Promise<HttpServer> {
  const supergraphSdl = await readCommittedSupergraph();
  const schemas = await buildSubgraphSchemas();
  // With tracing on, every request takes the whole path: its spans then show the gateway's plan and fetches.
  const routes = runningTracing() ? null : new PlannedRoutes(schemas, supergraphSdl);
  const gateway = createInProcessGateway(supergraphSdl, schemas, routes?.observe);
  const authenticate = createAuthenticator(security, orm);
  const serving = { orm, authenticate, changeFeed };
  const recorder = startUsageRecording(orm, supergraphSdl);
  const usage = countedAt(recorder);
  const uncached = uncachedRootFields(schemas);
  const caching = responseCaching(orm, uncached, usage.onHit);
  const context = requestContext(orm);
  const direct = routes
    ? directAnswerMiddleware({
        routes,
        context,
        allowList: { enforceForAll: security.enforceAllowList, allowed: readAllowList() },
        ...(caching.cache ? { cache: { cache: caching.cache, uncachedRootFields: uncached } } : {}),
        usage: recorder,
      })
    : null;
  const http = await startHttpServer(
    {
      apollo: { gateway },
      context,
      authenticate,
      role: 'gateway',
      security,
      isReady: databaseReady(orm),
      ...declaredRoutes(subgraphs, serving),
      explorer: { supergraphSdl },
      plugins: [...(caching.plugins ?? []), ...usage.plugins!],
      beforeApollo: [...(caching.beforeApollo ?? []), ...(direct ? [direct] : [])],
      ...declaredObservability(subgraphs, serving),
    },
    listen.host,
    listen.port,
  );
  return stoppingUsage(http, recorder);
}

/** Split mode: one subgraph as its own HTTP service, answering only requests the gateway signed for it. */
export async function startSubgraphServer(
  orm: MikroORM,
  definition: SubgraphDefinition,
  listen: Listen,
  security: SecurityConfig = loadSecurityConfig(),
  changeFeed?: RunningChangeFeed | null,
): Promise<HttpServer> {
  const schema = await definition.buildSchema();
  // Its own routes are called directly (not through the gateway): they authenticate callers as the edge does.
  const serving = { orm, authenticate: createAuthenticator(security, orm), changeFeed };
  const context = requestContext(orm);
  const caching = definition.cacheable ? responseCaching(orm, new Set()) : {};
  // The gateway's fetches, once Apollo has answered each document cleanly (with tracing on, every one takes the whole path).
  const routes = runningTracing() ? null : new AcceptedRoutes(schema);
  const direct = routes
    ? directAnswerMiddleware({ routes, context, ...(caching.cache ? { cache: { cache: caching.cache, uncachedRootFields: new Set<string>() } } : {}) })
    : null;
  return startHttpServer(
    {
      apollo: { schema },
      context,
      authenticate: assertionAuthenticator(definition.name, security.gatewaySecret),
      role: 'subgraph',
      security,
      isReady: databaseReady(orm),
      ...declaredRoutes([definition], serving),
      plugins: [...(caching.plugins ?? []), ...(routes ? [routes.plugin as ApolloServerPlugin<GraphQLContext>] : [])],
      beforeApollo: [...(caching.beforeApollo ?? []), ...(direct ? [direct] : [])],
      ...declaredObservability([definition], serving),
    },
    listen.host,
    listen.port,
  );
}

export interface GatewayOptions {
  security?: SecurityConfig;
  /** Where API keys are looked up; without it the gateway accepts bearer tokens only. */
  orm?: MikroORM;
}

/** Split mode: the gateway alone, calling the subgraphs over HTTP with a signed assertion of the caller. */
export async function startGatewayServer(urls: Readonly<Record<string, string>>, listen: Listen, options: GatewayOptions = {}): Promise<HttpServer> {
  const security = options.security ?? loadSecurityConfig();
  const supergraphSdl = await readCommittedSupergraph();
  const gateway = createRemoteGateway(supergraphSdl, urls, security.gatewaySecret);
  // Counted here, once per client request (subgraphs see only the planner's fetches); it needs the database.
  const recorder = options.orm ? startUsageRecording(options.orm, supergraphSdl) : null;
  // The gateway holds no entity manager: each subgraph forks its own; the principal travels signed.
  const http = await startHttpServer(
    {
      apollo: { gateway },
      context: async ({ principal }) => ({ principal, actor: principal.id }) as GraphQLContext,
      authenticate: createAuthenticator(security, options.orm),
      role: 'gateway',
      security,
      isReady: subgraphsReady({ ...supergraphUrls(supergraphSdl), ...urls }),
      explorer: { supergraphSdl },
      plugins: countedAt(recorder).plugins,
    },
    listen.host,
    listen.port,
  );
  return stoppingUsage(http, recorder);
}
