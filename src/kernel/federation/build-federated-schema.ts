import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type MiddlewareFn } from 'type-graphql';
import { auditMutations, type AuditScope } from '../audit/audit-mutations.middleware';
import { authChecker } from '../auth/auth-checker';
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

export interface SubgraphSecurity {
  /** The referential whose stewards may read this subgraph's audit entries (see the audit trail). */
  auditScope?: AuditScope;
}

/**
 * type-graphql builds the code-first schema, `@apollo/subgraph` turns its SDL into a subgraph.
 * Entity `__resolveReference`s are merged in and get the same exception mapping as the resolvers.
 * Every subgraph gets the same `@Authorized` checker and the same audit of its mutations.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'globalMiddlewares' | 'authChecker' | 'authMode'>,
  referenceResolvers: Record<string, ReferenceResolver> = {},
  security: SubgraphSecurity = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    globalMiddlewares: [auditMutations(security.auditScope), mapExceptions],
    authChecker,
    authMode: 'error',
    validate: false,
  });
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
