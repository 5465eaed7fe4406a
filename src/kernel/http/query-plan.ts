import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, prettyFormatQueryPlan } from '@apollo/query-planner';
import express, { type Router } from 'express';
import { GraphQLError, parse, validate } from 'graphql';
import { refuseHttp } from './refuse-http';

const MAX_DOCUMENT_BYTES = 64 * 1024;

/**
 * The plan the gateway would run for a document (the same planner, over the same supergraph), as Apollo's Explorer
 * shows it. Mounted with the explorer, so only where the IDE is allowed (never in production by default).
 */
export function queryPlanRouter(supergraphSdl: string): Router {
  let planner: { supergraph: Supergraph; planner: QueryPlanner } | undefined;
  // Built on first use: the planner's query graph costs a second at start-up that most servers never need.
  const plannerOf = () => {
    if (!planner) {
      const supergraph = Supergraph.build(supergraphSdl);
      planner = { supergraph, planner: new QueryPlanner(supergraph) };
    }
    return planner;
  };
  const router = express.Router();
  router.post('/', express.json({ limit: MAX_DOCUMENT_BYTES }), (req, res) => {
    const { query, operationName } = (req.body ?? {}) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string' || !query.trim()) return refuseHttp(res, 400, 'BAD_USER_INPUT', 'Body field "query" (a GraphQL document) is required');
    const { supergraph, planner: queryPlanner } = plannerOf();
    try {
      const document = parse(query);
      const errors = validate(supergraph.apiSchema().toGraphQLJSSchema(), document);
      if (errors.length)
        return void res
          .status(400)
          .json({ errors: errors.map((e) => ({ message: e.message, locations: e.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) });
      const operation = operationFromDocument(supergraph.schema, document, {
        operationName: typeof operationName === 'string' && operationName ? operationName : undefined,
      });
      const plan = queryPlanner.buildQueryPlan(operation);
      res.json({ plan: prettyFormatQueryPlan(plan) });
    } catch (error) {
      // Parse errors and an unknown or ambiguous operation name are the client's.
      if (error instanceof GraphQLError) return refuseHttp(res, 400, 'BAD_USER_INPUT', error.message);
      throw error;
    }
  });
  return router;
}
