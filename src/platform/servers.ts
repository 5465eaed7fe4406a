import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createInProcessGateway, createRemoteGateway } from '../gateway/gateway';
import { readCommittedSupergraph } from '../gateway/supergraph';
import { importRouter } from '../import/import-http.router';
import { createAuthenticator, type Authenticate } from '../kernel/auth/authenticate';
import { assertionAuthenticator } from '../kernel/auth/gateway-assertion';
import type { Principal } from '../kernel/auth/principal';
import { loadSecurityConfig, type SecurityConfig } from '../kernel/auth/security-config';
import type { GraphQLContext } from '../kernel/graphql/context';
import { startHttpServer, type HttpServer } from '../kernel/http/http-server';
import { logger } from '../kernel/logger';
import { subgraphs } from '../subgraphs';
import type { SubgraphDefinition } from '../subgraphs/subgraph-definition';

export interface Listen {
  host: string;
  port: number;
}

const requestContext = (orm: MikroORM) => async ({ principal }: { principal: Principal }): Promise<GraphQLContext> => ({
  em: orm.em.fork(),
  logger,
  principal,
  actor: principal.id,
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

/** `npm start`: the gateway and every subgraph in one process, subgraph fetches executed in memory. */
export async function startOneProcessServer(orm: MikroORM, listen: Listen, security: SecurityConfig = loadSecurityConfig()): Promise<HttpServer> {
  const supergraphSdl = await readCommittedSupergraph();
  const gateway = createInProcessGateway(supergraphSdl, await buildSubgraphSchemas());
  const authenticate = createAuthenticator(security, orm);
  return startHttpServer(
    { apollo: { gateway }, context: requestContext(orm), authenticate, role: 'gateway', security, isReady: databaseReady(orm), routes: fileRoutes(orm, authenticate), explorer: { supergraphSdl } },
    listen.host,
    listen.port,
  );
}

/** File imports and exports belong with the referentials' data: served by one process, or by that subgraph. */
const fileRoutes = (orm: MikroORM, authenticate: Authenticate) => importRouter(orm, orm.config.get('clientUrl')!, authenticate);

/** Split mode: one subgraph as its own HTTP service, answering only requests the gateway signed for it. */
export async function startSubgraphServer(orm: MikroORM, definition: SubgraphDefinition, listen: Listen, security: SecurityConfig = loadSecurityConfig()): Promise<HttpServer> {
  const schema = await definition.buildSchema();
  // Uploads come from stewards' tools, not through the gateway: the route authenticates them itself.
  const routes = definition.name === 'referentials' ? fileRoutes(orm, createAuthenticator(security, orm)) : undefined;
  return startHttpServer(
    {
      apollo: { schema },
      context: requestContext(orm),
      authenticate: assertionAuthenticator(definition.name, security.gatewaySecret),
      role: 'subgraph',
      security,
      isReady: databaseReady(orm),
      routes,
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
  // The gateway holds no entity manager: each subgraph forks its own; the principal travels signed.
  return startHttpServer(
    {
      apollo: { gateway },
      context: async ({ principal }) => ({ principal, actor: principal.id }) as GraphQLContext,
      authenticate: createAuthenticator(security, options.orm),
      role: 'gateway',
      security,
      isReady: async () => true,
      explorer: { supergraphSdl },
    },
    listen.host,
    listen.port,
  );
}
