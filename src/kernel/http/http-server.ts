import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import { logger } from '../logger';
import { explorerRouter, type ExplorerOptions } from './explorer';
import { graphiqlRouter } from './graphiql';
import { operationLogPlugin } from './operation-log.plugin';

export interface HttpServerOptions {
  /** Either a gateway or a subgraph schema, as Apollo Server takes them. */
  apollo: Pick<ApolloServerOptions<GraphQLContext>, 'gateway' | 'schema'>;
  /** A fresh context per request (a forked entity manager), or nothing for a gateway over remote subgraphs. */
  context: (request: { headers: Record<string, string | string[] | undefined> }) => Promise<GraphQLContext>;
  /** `/readyz`: dependencies reachable and migrated. */
  isReady: () => Promise<boolean>;
  /** Extra `/readyz` details (the change feed's lag and deliveries); informative, they do not make it fail. */
  readyDetails?: () => Promise<Record<string, unknown>>;
  /** `GET /metrics` in the Prometheus text format. */
  metrics?: { contentType: string; metrics(): Promise<string> };
  introspection?: boolean;
  /** Extra HTTP routes beside /graphql (file imports and exports). */
  routes?: import('express').Router;
  /** Only the gateway serves the explorer: a lone subgraph has no supergraph to show. */
  explorer?: ExplorerOptions;
}

export interface HttpServer {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** Internal errors are logged with their stack and reach clients as a bare "internal error". */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    logger.error({ err: error }, 'unexpected error while executing a GraphQL operation');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

export async function startHttpServer(options: HttpServerOptions, host: string, port: number): Promise<HttpServer> {
  const app = express();
  const server = createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    ...options.apollo,
    introspection: options.introspection ?? true,
    formatError,
    // Shutdown is ours (see on-shutdown.ts): Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: inline tracing would only add bytes to every subgraph response.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      operationLogPlugin,
    ],
  } as ApolloServerOptions<GraphQLContext>);
  await apollo.start();

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const ready = await options.isReady();
    const details = ready && options.readyDetails ? await options.readyDetails().catch((error: Error) => ({ detailsError: error.message })) : {};
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', ...details });
  });
  const metrics = options.metrics;
  if (metrics) {
    app.get('/metrics', async (_req, res) => {
      try {
        res.type(metrics.contentType).send(await metrics.metrics());
      } catch (error) {
        logger.error({ err: error }, 'metrics could not be read');
        res.status(500).type('text/plain').send('metrics unavailable\n');
      }
    });
  }
  app.use('/graphiql', graphiqlRouter('/graphql'));
  if (options.routes) app.use(options.routes);
  if (options.explorer) app.use('/explorer', explorerRouter(options.explorer));
  app.get('/', (_req, res) => res.redirect(options.explorer ? '/explorer/' : '/graphiql'));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: ({ req }) => options.context(req) }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    server,
    // Apollo's drain plugin lets in-flight requests finish before the server closes.
    stop: () => apollo.stop(),
  };
}
