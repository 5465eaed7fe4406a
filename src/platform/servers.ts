import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createInProcessGateway, createRemoteGateway } from '../gateway/gateway';
import { readCommittedSupergraph } from '../gateway/supergraph';
import { importRouter } from '../import/import-http.router';
import { loadConfig } from '../kernel/config';
import type { GraphQLContext } from '../kernel/graphql/context';
import { startHttpServer, type HttpServer } from '../kernel/http/http-server';
import { logger } from '../kernel/logger';
import { changeFeedMetrics, readChangeFeedStatus } from '../relay/change-feed-status';
import type { RunningChangeFeed } from '../relay/start-change-feed';
import { subgraphs } from '../subgraphs';
import type { SubgraphDefinition } from '../subgraphs/subgraph-definition';

export interface Listen {
  host: string;
  port: number;
}

const requestContext = (orm: MikroORM) => async ({ headers }: { headers: Record<string, string | string[] | undefined> }): Promise<GraphQLContext> => ({
  em: orm.em.fork(),
  logger,
  actor: String(headers['x-actor'] ?? 'anonymous').slice(0, 255),
});

const databaseReady = (orm: MikroORM) => async (): Promise<boolean> => {
  try {
    return (await orm.getMigrator().getPendingMigrations()).length === 0;
  } catch {
    return false;
  }
};

export async function buildSubgraphSchemas(definitions: readonly SubgraphDefinition[] = subgraphs): Promise<Map<string, GraphQLSchema>> {
  return new Map(await Promise.all(definitions.map(async (d) => [d.name, await d.buildSchema()] as const)));
}

/** `/metrics` and the `/readyz` details of the change feed (relay lag, pending and dead webhook deliveries). */
const changeFeedObservability = (orm: MikroORM, running?: RunningChangeFeed | null) => {
  const config = loadConfig().changeFeed;
  return {
    metrics: changeFeedMetrics(orm, config),
    // The relay of this process, when it runs one: is it the active one, is the broker reachable, its last error.
    readyDetails: async () => ({ changeFeed: { ...(await readChangeFeedStatus(orm, config)), ...(running?.relay ? { relayProcess: running.relay.status } : {}) } }),
  };
};

/** `npm start`: the gateway and every subgraph in one process, subgraph fetches executed in memory. */
export async function startOneProcessServer(orm: MikroORM, listen: Listen, changeFeed?: RunningChangeFeed | null): Promise<HttpServer> {
  const supergraphSdl = await readCommittedSupergraph();
  const gateway = createInProcessGateway(supergraphSdl, await buildSubgraphSchemas());
  return startHttpServer(
    { apollo: { gateway }, context: requestContext(orm), isReady: databaseReady(orm), routes: fileRoutes(orm), explorer: { supergraphSdl }, ...changeFeedObservability(orm, changeFeed) },
    listen.host,
    listen.port,
  );
}

/** File imports and exports belong with the referentials' data: served by one process, or by that subgraph. */
const fileRoutes = (orm: MikroORM) => importRouter(orm, orm.config.get('clientUrl')!, loadConfig().importToken);

/** Split mode: one subgraph as its own HTTP service. */
export async function startSubgraphServer(orm: MikroORM, definition: SubgraphDefinition, listen: Listen, changeFeed?: RunningChangeFeed | null): Promise<HttpServer> {
  const schema = await definition.buildSchema();
  const routes = definition.name === 'referentials' ? fileRoutes(orm) : undefined;
  const observability = definition.name === 'changes' ? changeFeedObservability(orm, changeFeed) : {};
  return startHttpServer({ apollo: { schema }, context: requestContext(orm), isReady: databaseReady(orm), routes, ...observability }, listen.host, listen.port);
}

/** Split mode: the gateway alone, calling the subgraphs over HTTP. */
export async function startGatewayServer(urls: Readonly<Record<string, string>>, listen: Listen): Promise<HttpServer> {
  const supergraphSdl = await readCommittedSupergraph();
  const gateway = createRemoteGateway(supergraphSdl, urls);
  // The gateway holds no database: its context is empty, each subgraph forks its own entity manager.
  return startHttpServer(
    {
      apollo: { gateway },
      context: async ({ headers }) => ({ actor: headers['x-actor'] }) as GraphQLContext,
      isReady: async () => true,
      explorer: { supergraphSdl },
    },
    listen.host,
    listen.port,
  );
}
