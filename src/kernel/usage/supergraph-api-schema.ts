import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

const built = new Map<string, GraphQLSchema>();

/** The schema clients see (no join/link machinery) of a supergraph; built once per SDL, it takes a second or so. */
export function supergraphApiSchema(supergraphSdl: string): GraphQLSchema {
  let schema = built.get(supergraphSdl);
  if (!schema) {
    schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
    built.set(supergraphSdl, schema);
  }
  return schema;
}
