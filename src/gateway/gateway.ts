import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { InProcessDataSource } from './in-process-data-source';

/** One process: the gateway plans queries over the supergraph and executes each subgraph fetch in memory. */
export function createInProcessGateway(supergraphSdl: string, schemas: ReadonlyMap<string, GraphQLSchema>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const schema = schemas.get(name);
      if (!schema) throw new Error(`the supergraph names subgraph "${name}", which this process does not run`);
      return new InProcessDataSource(schema);
    },
  });
}

/** Split mode: each subgraph is its own HTTP service; `urls` overrides the URLs written in the supergraph. */
export function createRemoteGateway(supergraphSdl: string, urls: Readonly<Record<string, string>>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name] ?? url }),
  });
}
