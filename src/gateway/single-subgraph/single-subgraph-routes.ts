import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { BREAK, Kind, OperationTypeNode, validate, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** A query the gateway planned as one plain fetch: the client's document, answerable by that subgraph's schema alone. */
export interface SingleSubgraphRoute {
  subgraph: string;
  schema: GraphQLSchema;
  document: DocumentNode;
  /** The operation compiled by graphql-jit on its first direct answer; null if it could not be (graphql-js runs it then). */
  compiled?: CompiledQuery | null;
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

/** Compiled once (the route is reused): field access and completion without graphql-js's generic walk per value. */
function compiled(route: SingleSubgraphRoute, operationName: string | null | undefined): CompiledQuery | null {
  try {
    const result = compileQuery(route.schema, route.document, operationName ?? undefined);
    return isCompiledQuery(result) ? result : null;
  } catch {
    return null;
  }
}

/**
 * Which operations need no federation at all: the gateway's plan is one fetch of one subgraph, without `@requires`,
 * rewrites or `@defer`. Learnt from the gateway's own plans (the first request of a document always takes the whole
 * path), so nothing is planned twice and the planner stays the only judge of where fields live.
 */
export class SingleSubgraphRoutes {
  private readonly routes = new LRUCache<string, SingleSubgraphRoute | false>({ max: MAX_ROUTES });

  constructor(private readonly schemas: ReadonlyMap<string, GraphQLSchema>) {}

  get(queryHash: string, operationName: string | null | undefined): SingleSubgraphRoute | undefined {
    const route = this.routes.get(keyOf(queryHash, operationName));
    if (!route) return undefined;
    if (route.compiled === undefined) route.compiled = compiled(route, operationName);
    return route;
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
