import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode, type GraphQLSchema } from 'graphql';
import { asksIntrospection, DirectRoutes } from './direct-routes';

/**
 * A lone subgraph (split mode): the gateway's fetches are a few documents sent again and again with other variables.
 * A query document Apollo accepted (validation, limits) and answered without an error is answered directly next time.
 */
export class AcceptedRoutes extends DirectRoutes {
  constructor(private readonly schema: GraphQLSchema) {
    super(schema);
  }

  /** Learns from Apollo's answers: runs after each one, and only judges a document it has not seen. */
  readonly plugin: ApolloServerPlugin = {
    requestDidStart: async () => ({
      willSendResponse: async ({ queryHash, request, document, operation, response }) => {
        if (!queryHash || !document || operation?.operation !== OperationTypeNode.QUERY || this.has(queryHash, request.operationName)) return;
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        if (!result || result.errors?.length || result.data === undefined) return;
        this.learn(queryHash, request.operationName, asksIntrospection(document) ? undefined : { schema: this.schema, document });
      },
    }),
  };
}
