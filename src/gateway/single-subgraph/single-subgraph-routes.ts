import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { BREAK, Kind, OperationTypeNode, validate, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';

/** A query the gateway planned as one plain fetch: the client's document, answerable by that subgraph's schema alone. */
export interface SingleSubgraphRoute {
  subgraph: string;
  schema: GraphQLSchema;
  document: DocumentNode;
}

const MAX_ROUTES = 1_000;

const keyOf = (queryHash: string, operationName: string | null | undefined): string => `${queryHash}:${operationName ?? ''}`;

/** Introspection at the root is answered by the gateway from the supergraph, never by a subgraph. */
const asksIntrospection = (document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
};

/**
 * Which operations need no federation at all: the gateway's plan is one fetch of one subgraph, without `@requires`,
 * rewrites or `@defer`. Learnt from the gateway's own plans (the first request of a document always takes the whole
 * path), so nothing is planned twice and the planner stays the only judge of where fields live.
 */
export class SingleSubgraphRoutes {
  private readonly routes = new LRUCache<string, SingleSubgraphRoute | false>({ max: MAX_ROUTES });

  constructor(private readonly schemas: ReadonlyMap<string, GraphQLSchema>) {}

  get(queryHash: string, operationName: string | null | undefined): SingleSubgraphRoute | undefined {
    return this.routes.get(keyOf(queryHash, operationName)) || undefined;
  }

  /** The gateway's `experimental_didResolveQueryPlan` hook: runs once per request it plans (cheap after the first). */
  readonly observe = ({ queryPlan, requestContext }: { queryPlan: QueryPlan; requestContext: GatewayGraphQLRequestContext }): void => {
    const key = keyOf(requestContext.queryHash, requestContext.request.operationName);
    if (this.routes.has(key)) return;
    this.routes.set(key, this.routeOf(queryPlan, requestContext.document, requestContext.operation.operation) ?? false);
  };

  private routeOf(plan: QueryPlan, document: DocumentNode, kind: OperationTypeNode): SingleSubgraphRoute | undefined {
    const fetch = plan.node;
    if (kind !== OperationTypeNode.QUERY || fetch?.kind !== 'Fetch' || fetch.operationKind !== OperationTypeNode.QUERY) return undefined;
    if (fetch.requires || fetch.hasDefers || fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) return undefined;
    const schema = this.schemas.get(fetch.serviceName);
    if (!schema || asksIntrospection(document)) return undefined;
    // Every field the client named must exist there as it does in the supergraph: checked once, by graphql-js itself.
    if (document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)) return undefined;
    if (validate(schema, document).length) return undefined;
    return { subgraph: fetch.serviceName, schema, document };
  }
}
