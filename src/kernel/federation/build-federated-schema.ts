import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type MiddlewareFn } from 'type-graphql';
import { auditMutations, type AuditScope } from '../audit/audit-mutations.middleware';
import { authChecker } from '../auth/auth-checker';
import { toGraphQLError } from '../errors/to-graphql-error';
import type { GraphQLContext } from '../graphql/context';
import { leanResolvers } from './lean-resolvers';
import { plainFields } from './plain-fields';

/** `info` is the `_entities` field's: what the gateway's fetch selects on the entities. */
export type ReferenceResolver<T = unknown> = (
  reference: Record<string, unknown>,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
) => Promise<T | null | undefined>;

const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])
`;

type Resolver = GraphQLFieldResolver<unknown, GraphQLContext>;

const rejectMapped = (error: unknown): Promise<never> => Promise.reject(toGraphQLError(error));

/** A resolver whose domain exceptions become GraphQL errors; a plain value stays plain (no promise per field). */
const mappingExceptions =
  (resolve: Resolver): Resolver =>
  (root, args, context, info) => {
    try {
      const value: unknown = resolve(root, args, context, info);
      return value instanceof Promise ? value.catch(rejectMapped) : value;
    } catch (error) {
      throw toGraphQLError(error);
    }
  };

const NO_ARGS = Object.freeze({});

/** The same for an entity's `__resolveReference` (no async frame per entity). */
const mappingReferenceExceptions = (resolve: ReferenceResolver): ReferenceResolver => {
  const mapped = mappingExceptions((reference, _args, context, info) => resolve(reference as Record<string, unknown>, context, info));
  return (reference, context, info) => mapped(reference, NO_ARGS, context, info) as ReturnType<ReferenceResolver>;
};

/** A root mutation run by the audit middleware: in one transaction with its audit entry. */
const audited =
  (audit: MiddlewareFn<GraphQLContext>, resolve: Resolver): Resolver =>
  (root, args, context, info) =>
    audit({ root, args, context, info }, async () => resolve(root, args, context, info));

export interface SubgraphSecurity {
  /** The referential whose stewards may read this subgraph's audit entries (see the audit trail). */
  auditScope?: AuditScope;
}

/**
 * type-graphql builds the code-first schema, `@apollo/subgraph` turns its SDL into a subgraph.
 * Entity `__resolveReference`s are merged in and get the same exception mapping as the resolvers.
 * Every subgraph gets the same `@Authorized` checker and the same audit of its mutations. Both wrap the resolvers
 * here rather than as type-graphql global middlewares: those run, as a chain of promises, around every field,
 * scalars included (a page of 100 entries is thousands of fields); a refused mutation's transaction is rolled back.
 * Resolvers without roles or middlewares skip type-graphql's handler and its promises (lean-resolvers.ts).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'globalMiddlewares' | 'authChecker' | 'authMode'>,
  referenceResolvers: Record<string, ReferenceResolver> = {},
  security: SubgraphSecurity = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    authChecker,
    authMode: 'error',
    validate: false,
  });
  const resolvers = createResolversMap(schema) as Record<string, object>;
  const audit = auditMutations(security.auditScope);
  const classes = options.resolvers.filter((resolver) => typeof resolver === 'function') as Parameters<typeof leanResolvers>[0];
  const lean = leanResolvers(classes, schema.getQueryType()?.name ?? 'Query');
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const byName = fields as Record<string, unknown>;
    const plain = type === schema.getMutationType() || type === schema.getQueryType() ? new Set<string>() : plainFields(typeName);
    for (const [name, resolve] of Object.entries(byName)) {
      if (name.startsWith('__') || typeof resolve !== 'function') continue;
      if (plain.has(name)) {
        delete byName[name]; // read as a property by graphql itself
        continue;
      }
      const mapped = mappingExceptions(lean.get(`${typeName}.${name}`)?.(resolve as Resolver) ?? (resolve as Resolver));
      byName[name] = type === schema.getMutationType() ? audited(audit, mapped) : mapped;
    }
  }
  for (const [typeName, resolve] of Object.entries(referenceResolvers)) {
    const typeResolvers = (resolvers[typeName] ??= {}) as Record<string, unknown>;
    typeResolvers.__resolveReference = mappingReferenceExceptions(resolve);
  }
  return buildSubgraphSchema({
    typeDefs: gql(FEDERATION_LINK + printSchemaWithDirectives(schema)),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
