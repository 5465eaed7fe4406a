import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { Kind, OperationTypeNode, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { asksIntrospection, DirectRoutes, type DirectRoute } from './direct-routes';
import { entityChainOf } from './entity-chain';

/**
 * One process: which operations need no federation at all. The gateway's plan is one fetch of one subgraph, without
 * `@requires`, rewrites or `@defer`; the client's document then runs on that subgraph's schema. Learnt from the
 * gateway's own plans (the first request of a document always takes the whole path), so nothing is planned twice
 * and the planner stays the only judge of where fields live.
 */
export class PlannedRoutes extends DirectRoutes {
  constructor(private readonly schemas: ReadonlyMap<string, GraphQLSchema>) {
    super();
  }

  /** The gateway's `experimental_didResolveQueryPlan` hook: runs once per request it plans (cheap after the first). */
  readonly observe = ({ queryPlan, requestContext }: { queryPlan: QueryPlan; requestContext: GatewayGraphQLRequestContext }): void => {
    const { queryHash, request, document, operation, schema } = requestContext;
    if (this.has(queryHash, request.operationName)) return;
    this.clientSchema = schema;
    this.learn(queryHash, request.operationName, this.routeOf(queryPlan, document, operation.operation, schema, request.operationName));
  };

  private routeOf(
    plan: QueryPlan,
    document: DocumentNode,
    kind: OperationTypeNode,
    apiSchema: GraphQLSchema,
    operationName: string | undefined,
  ): DirectRoute | undefined {
    if (kind !== OperationTypeNode.QUERY || asksIntrospection(document)) return undefined;
    if (document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)) return undefined;
    const fetch = plan.node;
    if (fetch?.kind === 'Sequence') {
      // A document graphql-jit cannot compile keeps the whole path: judging a plan never fails the request.
      try {
        const chain = entityChainOf(plan, this.schemas, apiSchema, document, operationName);
        return chain && { schema: apiSchema, document, chain };
      } catch {
        return undefined;
      }
    }
    if (fetch?.kind !== 'Fetch' || fetch.operationKind !== OperationTypeNode.QUERY) return undefined;
    if (fetch.requires || fetch.hasDefers || fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) return undefined;
    const schema = this.schemas.get(fetch.serviceName);
    // Every field the client named must exist there as it does in the supergraph: checked once, by graphql-js itself.
    if (!schema || validate(schema, document).length) return undefined;
    return { schema, document };
  }
}
