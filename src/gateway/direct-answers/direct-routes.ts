import { BREAK, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { EntityChain } from './entity-chain';

/**
 * A query document a server may answer directly: on this schema alone, or (one process) through a chain of entity
 * fetches, `schema` being then the API schema. Apollo accepted the document before.
 */
export interface DirectRoute {
  schema: GraphQLSchema;
  document: DocumentNode;
  chain?: EntityChain;
  /** The operation compiled by graphql-jit on its first direct answer; null if it could not be (graphql-js runs it then). */
  compiled?: CompiledQuery | null;
}

const MAX_ROUTES = 1_000;

const keyOf = (queryHash: string, operationName: string | null | undefined): string => `${queryHash}:${operationName ?? ''}`;

/** Introspection is answered by Apollo (the gateway, from the supergraph): never directly. */
export const asksIntrospection = (document: DocumentNode): boolean => {
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
function compiled(route: DirectRoute, operationName: string | null | undefined): CompiledQuery | null {
  try {
    const result = compileQuery(route.schema, route.document, operationName ?? undefined);
    return isCompiledQuery(result) ? result : null;
  } catch {
    return null;
  }
}

/** Routes by query hash and operation name, learnt from the whole path; `false` remembers a document that has none. */
export class DirectRoutes {
  private readonly routes = new LRUCache<string, DirectRoute | false>({ max: MAX_ROUTES });

  get(queryHash: string, operationName: string | null | undefined): DirectRoute | undefined {
    const route = this.routes.get(keyOf(queryHash, operationName));
    if (!route) return undefined;
    if (route.compiled === undefined) route.compiled = route.chain ? null : compiled(route, operationName);
    return route;
  }

  /** Whether this document was judged already (the learning runs once per document, not per request). */
  has(queryHash: string, operationName: string | null | undefined): boolean {
    return this.routes.has(keyOf(queryHash, operationName));
  }

  learn(queryHash: string, operationName: string | null | undefined, route: DirectRoute | undefined): void {
    this.routes.set(keyOf(queryHash, operationName), route ?? false);
  }
}
