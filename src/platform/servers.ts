import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createInProcessGateway, createRemoteGateway } from '../gateway/gateway';
import { readCommittedSupergraph } from '../gateway/supergraph';
import { importRouter } from '../import/import-http.router';
import { readDataVersions } from '../kernel/cache/data-versions';
import { responseCachePlugin } from '../kernel/cache/response-cache.plugin';
import { loadConfig } from '../kernel/config';
import type { GraphQLContext } from '../kernel/graphql/context';
import { startHttpServer, type HttpServer } from '../kernel/http/http-server';
import { logger } from '../kernel/logger';
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

/** The response cache, in a server that has the database to read the data versions from; none when set to 0 MiB. */
function cachePlugins(): ApolloServerPlugin<GraphQLContext>[] {
  const mb = loadConfig().responseCacheMb;
  if (mb === 0) return [];
  // Every caller sees the same data until authentication brings roles into the scope.
  return [responseCachePlugin<GraphQLContext>({ maxSize: mb * 1024 * 1024, scopeOf: () => 'public', dataVersions: (context) => readDataVersions(context.em) })];
}

export async function buildSubgraphSchemas(definitions: readonly SubgraphDefinition[] = subgraphs): Promise<Map<string, GraphQLSchema>> {
  return new Map(await Promise.all(definitions.map(async (d) => [d.name, await d.buildSchema()] as const)));
}

/** `npm start`: the gateway and every subgraph in one process, subgraph fetches executed in memory. */
export async function startOneProcessServer(orm: MikroORM, listen: Listen): Promise<HttpServer> {
  const supergraphSdl = await readCommittedSupergraph();
  const gateway = createInProcessGateway(supergraphSdl, await buildSubgraphSchemas());
  return startHttpServer(
    { apollo: { gateway }, context: requestContext(orm), isReady: databaseReady(orm), routes: fileRoutes(orm), explorer: { supergraphSdl }, plugins: cachePlugins() },
    listen.host,
    listen.port,
  );
}

/** File imports and exports belong with the referentials' data: served by one process, or by that subgraph. */
const fileRoutes = (orm: MikroORM) => importRouter(orm, orm.config.get('clientUrl')!, loadConfig().importToken);

/** Split mode: one subgraph as its own HTTP service. */
export async function startSubgraphServer(orm: MikroORM, definition: SubgraphDefinition, listen: Listen): Promise<HttpServer> {
  const schema = await definition.buildSchema();
  const routes = definition.name === 'referentials' ? fileRoutes(orm) : undefined;
  return startHttpServer({ apollo: { schema }, context: requestContext(orm), isReady: databaseReady(orm), routes, plugins: cachePlugins() }, listen.host, listen.port);
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
