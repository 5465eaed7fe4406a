import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
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

/**
 * Apollo Server answers a request-level failure (e.g. a variable of the wrong type) with HTTP 400 and GraphQL errors;
 * the stock data source would replace them with a bare "400: Bad Request", so the client's error code was lost.
 */
class SubgraphHttpDataSource extends RemoteGraphQLDataSource<{ actor?: string }> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<{ actor?: string }>['willSendRequest']>>[0]): void {
    if (context.actor) request.http?.headers.set('x-actor', context.actor);
  }

  override async errorFromResponse(response: Response): Promise<GraphQLError> {
    const body = (await response.clone().json().catch(() => undefined)) as { errors?: GraphQLFormattedError[] } | undefined;
    const first = body?.errors?.[0];
    if (!first) return super.errorFromResponse(response);
    return new GraphQLError(first.message, { extensions: { ...first.extensions } });
  }
}

/** Split mode: each subgraph is its own HTTP service; `urls` overrides the URLs written in the supergraph. */
export function createRemoteGateway(supergraphSdl: string, urls: Readonly<Record<string, string>>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SubgraphHttpDataSource({ url: urls[name] ?? url }),
  });
}
