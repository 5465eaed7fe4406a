import { BREAK, parse, validate, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { operationHash } from '../../kernel/http/operation-allowlist.plugin';
import { canonicalDocument } from './canonical-document';
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

/**
 * Routes by query hash and operation name, learnt from the whole path; `false` remembers a document that has none.
 * A document answered on one subgraph's schema also gives a route to its canonical form (canonical-document.ts): the
 * same document written with other literals (`court(code: "100023")` after `court(code: "100039")`) takes it too.
 */
export class DirectRoutes {
  private readonly routes = new LRUCache<string, DirectRoute | false>({ max: MAX_ROUTES });
  /** Apart: only a client's document turned canonical finds them, never a text sent as it is. */
  private readonly canonicalRoutes = new LRUCache<string, DirectRoute>({ max: MAX_ROUTES });

  /** @param clientSchema the schema clients' documents are validated on: it types their literals. */
  constructor(protected clientSchema?: GraphQLSchema) {}

  /**
   * The route of a document: its own, or, for a document never judged, its canonical form's with its literals as
   * variables. Undefined when it has none (or does not parse: the whole path says why).
   */
  find(queryHash: string, operationName: string | null | undefined, query: string): { route: DirectRoute; literals?: Record<string, unknown> } | undefined {
    const own = this.routes.get(keyOf(queryHash, operationName));
    if (own !== undefined) return own ? { route: withCompiled(own, operationName) } : undefined;
    return this.withLiterals(query, operationName);
  }

  private withLiterals(query: string, operationName: string | null | undefined): { route: DirectRoute; literals: Record<string, unknown> } | undefined {
    if (!this.clientSchema || this.canonicalRoutes.size === 0) return undefined;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true });
    } catch {
      return undefined;
    }
    const canonical = canonicalDocument(this.clientSchema, document);
    const route = canonical && this.canonicalRoutes.get(keyOf(operationHash(canonical.text), operationName));
    return route && { route: withCompiled(route, operationName), literals: canonical.variables };
  }

  /** Whether this document was judged already (the learning runs once per document, not per request). */
  has(queryHash: string, operationName: string | null | undefined): boolean {
    return this.routes.has(keyOf(queryHash, operationName));
  }

  learn(queryHash: string, operationName: string | null | undefined, route: DirectRoute | undefined): void {
    this.routes.set(keyOf(queryHash, operationName), route ?? false);
    if (route && this.clientSchema) this.learnCanonical(route, operationName);
  }

  /**
   * The canonical form's route: the document as Apollo accepted it, but for literals, which `canonicalDocument` turns
   * into variables only where graphql would accept and read them alike. Checked once here as graphql-js would check
   * it; the cost and depth rules count it as the original (a page's `first` stays literal).
   */
  private learnCanonical(route: DirectRoute, operationName: string | null | undefined): void {
    const canonical = canonicalDocument(this.clientSchema!, route.document);
    if (!canonical || validate(this.clientSchema!, canonical.document).length) return;
    const canonicalRoute = this.canonicalRouteOf(route, canonical.document, operationName);
    if (canonicalRoute) this.canonicalRoutes.set(keyOf(operationHash(canonical.text), operationName), canonicalRoute);
  }

  /**
   * The route of a canonical form, valid on the client schema: on the route's own schema when valid there too. An
   * entity chain's fetches hold the literals: it needs a plan of its own (PlannedRoutes makes one), none here.
   */
  protected canonicalRouteOf(route: DirectRoute, document: DocumentNode, _operationName: string | null | undefined): DirectRoute | undefined {
    if (route.chain || validate(route.schema, document).length) return undefined;
    return { schema: route.schema, document };
  }
}

/** The route, compiled on its first use. */
function withCompiled(route: DirectRoute, operationName: string | null | undefined): DirectRoute {
  if (route.compiled === undefined) route.compiled = route.chain ? null : compiled(route, operationName);
  return route;
}
