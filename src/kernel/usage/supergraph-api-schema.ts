import { Supergraph } from '@apollo/federation-internals';
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

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

/** Every field coordinate clients can select, with its deprecation reason (null when not deprecated). */
export function fieldCoordinates(schema: GraphQLSchema): Map<string, string | null> {
  const coordinates = new Map<string, string | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) coordinates.set(`${type.name}.${field.name}`, field.deprecationReason ?? null);
  }
  return coordinates;
}
