import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { Kind, OperationTypeNode, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { asksIntrospection, DirectRoutes, type DirectRoute } from './direct-routes';
import { entityChainOf } from './entity-chain';

/** A planner over the supergraph, as the gateway builds its own: for the canonical forms of entity chains. */
interface Planner {
  plan(document: DocumentNode, operationName: string | undefined): QueryPlan;
}

function plannerOf(supergraphSdl: string): Planner {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const planner = new QueryPlanner(supergraph);
  return { plan: (document, operationName) => planner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName })) };
}

/**
 * One process: which operations need no federation at all. The gateway's plan is one fetch of one subgraph, without
 * `@requires`, rewrites or `@defer`; the client's document then runs on that subgraph's schema. Learnt from the
 * gateway's own plans (the first request of a document always takes the whole path), so nothing is planned twice
 * and the planner stays the only judge of where fields live.
 */
export class PlannedRoutes extends DirectRoutes {
  /** Built once at start (about 0.2 s), not on the request that first needs it. */
  private readonly planner?: Planner;

  /** @param supergraphSdl with it, an entity chain's canonical form is planned too (its fetches hold the literals). */
  constructor(
    private readonly schemas: ReadonlyMap<string, GraphQLSchema>,
    supergraphSdl?: string,
  ) {
    super();
    if (supergraphSdl) this.planner = plannerOf(supergraphSdl);
  }

  /** The gateway's `experimental_didResolveQueryPlan` hook: runs once per request it plans (cheap after the first). */
  readonly observe = ({ queryPlan, requestContext }: { queryPlan: QueryPlan; requestContext: GatewayGraphQLRequestContext }): void => {
    const { queryHash, request, document, operation, schema } = requestContext;
    if (this.has(queryHash, request.operationName)) return;
    this.clientSchema = schema;
    this.learn(queryHash, request.operationName, this.routeOf(queryPlan, document, operation.operation, schema, request.operationName));
  };

  /**
   * The canonical form of an entity chain (the same document written with other literals) is planned as the gateway
   * plans it, its fetches then carrying variables; a plan of another shape, or any failure, leaves it to the whole path.
   */
  protected override canonicalRouteOf(route: DirectRoute, document: DocumentNode, operationName: string | null | undefined): DirectRoute | undefined {
    if (!route.chain) return super.canonicalRouteOf(route, document, operationName);
    if (!this.planner) return undefined;
    try {
      const name = operationName ?? undefined;
      const chain = entityChainOf(this.planner.plan(document, name), this.schemas, route.schema, document, name);
      return chain && { schema: route.schema, document, chain };
    } catch {
      return undefined; // a document the planner or graphql-jit cannot take keeps the whole path, as in routeOf
    }
  }

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
