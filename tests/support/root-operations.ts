import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';

/** One root field of the committed supergraph, as a document taking every argument as a variable. */
export interface RootOperation {
  kind: 'query' | 'mutation';
  field: string;
  args: readonly GraphQLArgument[];
  document: string;
}

/** The schema clients are served: the committed supergraph (its join directives are only annotations here). */
export function committedSupergraph(root = process.cwd()): GraphQLSchema {
  return buildSchema(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
}

const MAX_FIELDS = 12;

/** Leaves of a type (fields without required arguments), and up to `depth` levels of objects under it. */
function selection(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f: GraphQLField<unknown, unknown>) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined));
  const parts: string[] = [];
  for (const field of fields) {
    if (parts.length >= MAX_FIELDS) break;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && isObjectType(named)) parts.push(`${field.name} { ${selection(named, depth - 1)} }`);
  }
  return parts.length ? parts.join(' ') : '__typename';
}

/** Every root query and mutation, with shallow selections (leaves, and the leaves of the objects right under). */
export function rootOperations(schema: GraphQLSchema = committedSupergraph()): RootOperation[] {
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const;
  return roots.flatMap(([kind, type]) => Object.values(type?.getFields() ?? {}).map((field) => {
    const named = getNamedType(field.type);
    const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    const body = isObjectType(named) ? ` { ${selection(named, 2)} }` : isLeafType(named) ? '' : ' { __typename }';
    return { kind, field: field.name, args: field.args, document: `${kind} Hostile${variables ? `(${variables})` : ''} { ${field.name}${call}${body} }` };
  }));
}
