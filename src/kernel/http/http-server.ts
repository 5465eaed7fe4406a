import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import compression from 'compression';
import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AuthException } from '../auth/auth.exception';
import { formatError } from '../errors/format-error';
import type { Authenticate, Headers } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import type { SecurityConfig } from '../auth/security-config';
import type { GraphQLContext } from '../graphql/context';
import { logger } from '../logger';
import { explorerRouter, type ExplorerOptions } from './explorer';
import { graphiqlRouter } from './graphiql';
import { operationAllowListPlugin } from './operation-allowlist.plugin';
import { operationLogPlugin } from './operation-log.plugin';
import { clientErrorStatusPlugin } from './client-error-status.plugin';
import { inputLimitsPlugin } from './input-limits';
import { queryLimits, refuseTooManyTokens } from './query-limits';
import { refuseHttp, refuseHttpError } from './refuse-http';
import { logInfrastructureFault, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from '../errors/infrastructure-fault';
import { GATEWAY_ASSERTION_REFUSED } from '../auth/gateway-assertion';
import { redisRateLimitStore } from './rate-limit-store';
import { serviceUnavailablePlugin } from './service-unavailable.plugin';
import { clientIp, inSequence, type ApiHandler, type ApiRequest, type ApiResponse } from './api-chain';
import { apolloHandler } from './apollo-handler';
import { jsonBody } from './json-body';

export interface HttpServerOptions {
  /** Either a gateway or a subgraph schema, as Apollo Server takes them. */
  apollo: Pick<ApolloServerOptions<GraphQLContext>, 'gateway' | 'schema'>;
  /** A fresh context per request (a forked entity manager), or nothing for a gateway over remote subgraphs. */
  context: (request: { headers: Headers; principal: Principal; locals: Record<string, unknown> }) => Promise<GraphQLContext>;
  /** Who calls /graphql: API key or token at the edge, the gateway's signed assertion in a lone subgraph. */
  authenticate: Authenticate;
  /** Gateway (or one process) or lone subgraph: the allow-list binds clients, the planner's fetches are not theirs. */
  role: 'gateway' | 'subgraph';
  security: SecurityConfig;
  /** `/readyz`: dependencies reachable and migrated. */
  isReady: () => Promise<boolean>;
  /** Extra `/readyz` details (the change feed's lag and deliveries); informative, they do not make it fail. */
  readyDetails?: () => Promise<Record<string, unknown>>;
  /** `GET /metrics` in the Prometheus text format. */
  metrics?: { contentType: string; metrics(): Promise<string> };
  /** Extra HTTP routes beside /graphql (file imports and exports). */
  routes?: import('express').Router;
  /** Extra Apollo plugins (the response cache, where the server has the database). */
  plugins?: ApolloServerPlugin<GraphQLContext>[];
  /** Run in order just before Apollo, the request authenticated and its body read: the response cache's fast path, direct answers. */
  beforeApollo?: ApiHandler[];
  /** Only the gateway serves the explorer: a lone subgraph has no supergraph to show. */
  explorer?: ExplorerOptions;
}

export interface HttpServer {
  url: string;
  server: Server;
  /** `/readyz` answers 503 from now on: the load balancer stops sending new requests before the drain. */
  markNotReady(): void;
  stop(): Promise<void>;
}

/** `/readyz` answers within this time whatever its checks do (a frozen database makes it 503, not a hang). */
const READY_TIMEOUT_MS = 1_000;

const withinReadyTimeout = <T>(check: Promise<T>, fallback: T): Promise<T> =>
  Promise.race([check.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), READY_TIMEOUT_MS).unref())]);

/** Beyond this, an oversized body is not even drained: the connection is cut once the 413 is sent. */
const DRAIN_AT_MOST = 8 * 1024 * 1024;

/**
 * A body announced larger than the limit is refused before a byte of it is read (express.json would first read it
 * all off the socket to keep the connection alive: a gigabyte, for a "413").
 */
const refuseDeclaredOversize =
  (maxBytes: number): ApiHandler =>
  (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (!(declared > maxBytes)) return next();
    res.setHeader('connection', 'close');
    if (declared > DRAIN_AT_MOST) res.on('finish', () => req.socket.destroy());
    else req.resume();
    refuseHttp(res, 413, 'PAYLOAD_TOO_LARGE', `Request body larger than ${maxBytes} bytes`);
  };

/**
 * Compression only for requests that accept an encoding other than identity: the others skip its wrapping of every write, and get the
 * `Vary` it would have set on a JSON answer (a shared cache must still tell the two kinds of answers apart).
 */
const compressWhenAsked =
  (compress: ApiHandler): ApiHandler =>
  (req, res, next) => {
    const accepted = req.headers['accept-encoding'];
    if (accepted && accepted !== 'identity') return compress(req, res, next);
    res.setHeader('vary', 'Accept-Encoding');
    next();
  };

const newApp = (): Express => {
  const app = express();
  app.disable('x-powered-by');
  // ETags come from the response cache, on cacheable answers only (Express would tag every response, mutations too).
  app.set('etag', false);
  return app;
};

/** `/graphql`, with a query string or a sub-path: what `app.use('/graphql')` would match, case aside. */
const isApiPath = (url: string | undefined): boolean =>
  url !== undefined && url.startsWith('/graphql') && (url.length === 8 || url[8] === '?' || url[8] === '/');

const notFound = (_req: IncomingMessage, res: ServerResponse): void => refuseHttp(res, 404, 'NOT_FOUND', 'No such route');

export async function startHttpServer(options: HttpServerOptions, host: string, port: number): Promise<HttpServer> {
  const { security } = options;
  const app = newApp();
  // Requests are routed once the chains exist (Apollo's drain plugin needs the server first).
  const server = createServer();
  // A slow or endless upload cannot hold a connection: the whole request must arrive within this time.
  server.requestTimeout = 60_000;
  server.headersTimeout = 15_000;
  const limits = queryLimits(security, options.role);
  const apollo = new ApolloServer<GraphQLContext>({
    ...options.apollo,
    introspection: security.allowIntrospection,
    formatError,
    // Requests a browser could send cross-site without a preflight are refused.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    // Shutdown is ours (see on-shutdown.ts): Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: inline tracing would only add bytes to every subgraph response.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: security.shutdownGraceMs }),
      serviceUnavailablePlugin,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      operationLogPlugin,
      ...limits.plugins,
      clientErrorStatusPlugin,
      inputLimitsPlugin,
      ...(options.role === 'gateway' ? [operationAllowListPlugin(security.enforceAllowList)] : []),
      // Last: a cached answer is only given once the limits and the allow-list have accepted the operation.
      ...(options.plugins ?? []),
    ],
  } as ApolloServerOptions<GraphQLContext>);
  await apollo.start();

  const authenticate: ApiHandler = async (req, res, next) => {
    try {
      req.principal = await options.authenticate(req.headers);
      next();
    } catch (error) {
      if (!(error instanceof AuthException)) return next(error);
      // A lone subgraph refuses only the gateway's assertion: the gateway must not pass that on as the caller's fault.
      if (options.role === 'subgraph') return refuseHttp(res, error.httpStatus, error.apiCode, error.message, { reason: GATEWAY_ASSERTION_REFUSED });
      refuseHttpError(res, error, 'authentication');
    }
  };
  // Per principal: an API key or a user has its own budget; anonymous callers share one per IP.
  // With REDIS_URL the counters are shared by every instance; if Redis fails, requests pass (logged) rather than fail.
  const shared = security.redisUrl ? redisRateLimitStore(security.redisUrl, `${security.redisPrefix}rl:`) : undefined;
  const rateLimitPerPrincipal = rateLimit({
    ...(shared ? { store: shared.store, passOnStoreError: true } : {}),
    // Its own messages (a store error, a misconfiguration) join the JSON log, rate-limited like any fault.
    logger: {
      error: (error: unknown) => logInfrastructureFault('rate-limit store', error, 'rate limit'),
      warn: (error: unknown) => logger.warn({ detail: String(error) }, 'rate limit'),
    },
    windowMs: 60_000,
    limit: security.rateLimitPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req: ApiRequest) =>
      req.principal && req.principal.kind !== 'anonymous' ? `${req.principal.kind}:${req.principal.id}` : `ip:${ipKeyGenerator(clientIp(req) ?? 'unknown')}`,
    handler: (_req, res) => refuseHttp(res, 429, 'RATE_LIMITED', 'Too many requests'),
  });

  // In one layer: a path is not matched per middleware.
  const graphql = inSequence(
    // Answers compressed when the client asks (Accept-Encoding), cached fast-path answers included; small ones are not.
    compressWhenAsked(compression({ threshold: 1024 }) as unknown as ApiHandler),
    // No origin listed: no CORS headers, so browsers keep other sites' pages away from the API.
    ...(security.corsOrigins.length ? [cors({ origin: security.corsOrigins, methods: ['GET', 'POST'], maxAge: 600 }) as ApiHandler] : []),
    authenticate,
    rateLimitPerPrincipal as unknown as ApiHandler,
    refuseDeclaredOversize(security.maxBodyBytes),
    jsonBody(security.maxBodyBytes),
    refuseTooManyTokens(security, options.role),
    ...(options.beforeApollo ?? []),
    apolloHandler(apollo, (req, res) => options.context({ headers: req.headers, principal: req.principal!, locals: res.locals })),
  );
  // Body errors (too large, not JSON) are the client's: a short answer, and the connection closed on a huge body.
  const failed = (error: unknown, res: ServerResponse): void => {
    if ((error as { type?: unknown }).type === 'entity.too.large') {
      res.setHeader('connection', 'close');
      return refuseHttp(res, 413, 'PAYLOAD_TOO_LARGE', `Request body larger than ${security.maxBodyBytes} bytes`);
    }
    refuseHttpError(res, error, 'http');
  };
  // `/graphql` runs on Node's request and response (api-chain.ts), outside Express, which serves the rest.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!isApiPath(req.url)) return void app(req, res);
    graphql(req, res as ApiResponse, (error?: unknown) => {
      if (!error) return notFound(req, res);
      if (!res.headersSent) return failed(error, res);
      // As Express's final handler: the answer already started, so the connection is cut.
      logger.error({ err: error }, 'graphql request failed after its answer started');
      res.destroy();
    });
  });
  // Still mounted here for the paths `isApiPath` leaves to the main app (`/GraphQL`: Express matches paths without case).
  app.use('/graphql', graphql as unknown as express.RequestHandler);
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  let draining = false;
  app.get('/readyz', async (_req, res) => {
    const ready = !draining && (await withinReadyTimeout(options.isReady(), false));
    if (!ready) {
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      const status = draining ? 'draining' : 'not ready';
      return refuseHttp(
        res,
        503,
        SERVICE_UNAVAILABLE,
        draining ? 'Shutting down: send requests elsewhere' : 'Not ready: a dependency is unreachable or not migrated',
        { status },
      );
    }
    const details = options.readyDetails ? await withinReadyTimeout(options.readyDetails(), { details: 'unavailable' }) : {};
    res.json({ status: 'ready', ...details });
  });
  const metrics = options.metrics;
  if (metrics) {
    app.get('/metrics', async (_req, res) => {
      try {
        res.type(metrics.contentType).send(await metrics.metrics());
      } catch (error) {
        refuseHttpError(res, error, 'metrics');
      }
    });
  }
  if (security.allowIde) {
    app.use('/graphiql', graphiqlRouter('/graphql'));
    if (options.explorer) app.use('/explorer', explorerRouter(options.explorer));
    app.get('/', (_req, res) => res.redirect(options.explorer ? '/explorer/' : '/graphiql'));
  }
  if (options.routes) app.use(options.routes);
  app.use(notFound, (error: Error, _req: Request, res: Response, next: NextFunction) => (res.headersSent ? next(error) : failed(error, res)));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    server,
    markNotReady: () => void (draining = true),
    // Apollo's drain plugin lets in-flight requests finish (up to the grace period) before the server closes.
    stop: async () => {
      draining = true;
      await apollo.stop();
      await shared?.close();
    },
  };
}
