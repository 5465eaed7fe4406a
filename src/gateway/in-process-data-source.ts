import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, getOperationAST, GraphQLError, OperationTypeNode, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { runningTracing } from '../kernel/tracing/running-tracing';

const MAX_CACHED_DOCUMENTS = 1_000;

/** Tags a request-level error (no code yet) the way Apollo Server would for a subgraph reached over HTTP. */
const withCode = (errors: readonly GraphQLError[], code: string): GraphQLError[] =>
  errors.map((e) =>
    e.extensions?.code
      ? e
      : new GraphQLError(e.message, {
          nodes: e.nodes,
          source: e.source,
          positions: e.positions,
          path: e.path,
          originalError: e.originalError,
          extensions: { ...e.extensions, code },
        }),
  );

/**
 * Executes subgraph fetches in memory, as `LocalGraphQLDataSource` does, but parses and validates each distinct
 * subgraph operation once (the query planner sends the same few shapes again and again) and gives request errors
 * the codes a split deployment would give, so both modes answer alike.
 */
export class InProcessDataSource implements GraphQLDataSource {
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  private readonly compiled = new LRUCache<string, CompiledQuery | false>({ max: MAX_CACHED_DOCUMENTS });
  // With tracing on, fetches run through graphql-js: its instrumentation gives each one an execution span.
  private readonly compiles = runningTracing() === null;

  constructor(private readonly schema: GraphQLSchema) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const document = this.prepare(request.query ?? '');
    if (!('kind' in document)) return { errors: withCode(document, 'GRAPHQL_VALIDATION_FAILED') };
    // A query's fetch runs compiled (graphql-jit); with any error it runs again through graphql-js, whose errors are
    // the reference both modes answer with (a query has no side effect; a mutation is never run twice).
    const compiled = this.compiles ? this.compiledQuery(request.query ?? '', document, request.operationName) : undefined;
    if (compiled) {
      const result = await compiled.query(undefined, context, request.variables ?? {});
      if (!result.errors?.length && result.data) return result as GatewayGraphQLResponse;
    }
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    });
    // Without data, errors are about the request itself: here, variables that do not coerce to their types.
    if (result.errors && result.data === undefined) return { errors: withCode(result.errors, 'BAD_USER_INPUT') };
    return result as GatewayGraphQLResponse;
  }

  private compiledQuery(query: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    let compiled = this.compiled.get(query);
    if (compiled === undefined) {
      const operation = getOperationAST(document, operationName);
      const result = operation?.operation === OperationTypeNode.QUERY ? compileQuery(this.schema, document, operationName) : undefined;
      compiled = result && isCompiledQuery(result) ? result : false;
      this.compiled.set(query, compiled);
    }
    return compiled || undefined;
  }

  private prepare(query: string): DocumentNode | readonly GraphQLError[] {
    let prepared = this.documents.get(query);
    if (prepared) return prepared;
    try {
      const document = parse(query);
      const errors = validate(this.schema, document);
      prepared = errors.length ? errors : document;
    } catch (error) {
      prepared = [error as GraphQLError];
    }
    if (this.documents.size >= MAX_CACHED_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(query, prepared);
    return prepared;
  }
}
