import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type MiddlewareFn } from 'type-graphql';
import { mapAppExceptions } from '../errors/to-graphql-error';
import type { GraphQLContext } from '../graphql/context';

export type ReferenceResolver<T = unknown> = (
  reference: Record<string, unknown>,
  context: GraphQLContext,
) => Promise<T | null | undefined>;

const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])
`;

const mapExceptions: MiddlewareFn<GraphQLContext> = (_action, next) => mapAppExceptions(next);

/**
 * type-graphql builds the code-first schema, `@apollo/subgraph` turns its SDL into a subgraph.
 * Entity `__resolveReference`s are merged in and get the same exception mapping as the resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'globalMiddlewares'>,
  referenceResolvers: Record<string, ReferenceResolver> = {},
): Promise<GraphQLSchema> {
  // Provisional (change-feed branch): lets every @Authorized resolver through; the security branch replaces it.
  const schema = await buildSchema({ authChecker: () => true, ...options, skipCheck: true, globalMiddlewares: [mapExceptions], validate: false });
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, resolve] of Object.entries(referenceResolvers)) {
    const typeResolvers = (resolvers[typeName] ??= {}) as Record<string, unknown>;
    typeResolvers.__resolveReference = (reference: Record<string, unknown>, context: GraphQLContext) =>
      mapAppExceptions(() => resolve(reference, context));
  }
  return buildSubgraphSchema({
    typeDefs: gql(FEDERATION_LINK + printSchemaWithDirectives(schema)),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
