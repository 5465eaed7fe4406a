import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { readCommittedSupergraph } from '../../../gateway/supergraph';
import { supergraphApiSchema } from '../../../kernel/usage/supergraph-api-schema';

let served: Promise<GraphQLSchema> | undefined;

/** The client-facing schema of the committed supergraph, which the gateway serves (read once). */
export const servedSchema = (): Promise<GraphQLSchema> => (served ??= readCommittedSupergraph().then(supergraphApiSchema));

/** Every field coordinate clients can select, with its deprecation reason (null when not deprecated). */
export function fieldCoordinates(schema: GraphQLSchema): Map<string, string | null> {
  const coordinates = new Map<string, string | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) coordinates.set(`${type.name}.${field.name}`, field.deprecationReason ?? null);
  }
  return coordinates;
}
