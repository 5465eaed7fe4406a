import { Supergraph } from '@apollo/federation-internals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { loadSecurityConfig } from '../../src/kernel/auth/security-config';
import { queryCostRule } from '../../src/kernel/http/query-cost';

/** One root field of the committed supergraph, as a document taking every argument as a variable. */
export interface RootOperation {
  kind: 'query' | 'mutation';
  field: string;
  args: readonly GraphQLArgument[];
  document: string;
}

/** The schema clients are served: the committed supergraph's API schema, the one the gateway validates against. */
export function committedSupergraph(root = process.cwd()): GraphQLSchema {
  return Supergraph.build(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
}

const MAX_FIELDS = 12;
const DEPTH = 2;

/** A selected field: a leaf, or an object with what is selected under it. */
interface Selected {
  name: string;
  list: boolean;
  children?: Selected[];
}

/** Leaves of a type (fields without required arguments), and up to `depth` levels of objects under it. */
function selection(type: GraphQLObjectType, depth: number): Selected[] {
  const fields = Object.values(type.getFields()).filter(
    (f: GraphQLField<unknown, unknown>) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined),
  );
  const selected: Selected[] = [];
  for (const field of fields) {
    if (selected.length >= MAX_FIELDS) break;
    const named = getNamedType(field.type);
    const list = isListType(getNullableType(field.type));
    if (isLeafType(named)) selected.push({ name: field.name, list });
    else if (depth > 0 && isObjectType(named)) selected.push({ name: field.name, list, children: selection(named, depth - 1) });
  }
  return selected;
}

const print = (set: Selected[]): string => (set.length ? set.map((s) => (s.children ? `${s.name} { ${print(s.children)} }` : s.name)).join(' ') : '__typename');

/** How deep the objects of a selection go (0: leaves only). */
const depthOf = (set: Selected[]): number => Math.max(0, ...set.map((s) => (s.children ? 1 + depthOf(s.children) : 0)));

/** The selected fields `levels` objects down, with the set holding each (to remove it from). */
function fieldsAt(set: Selected[], levels: number): [Selected, Selected[]][] {
  return levels === 0 ? set.map((s) => [s, set]) : set.flatMap((s) => (s.children ? fieldsAt(s.children, levels - 1) : []));
}

/**
 * The next field to drop so that the document costs less: the deepest objects first (depth), then fields of the
 * last level (breadth), lists before single objects and leaves, the last listed first. Undefined: nothing left to drop.
 */
function nextToDrop(set: Selected[]): [Selected, Selected[]] | undefined {
  const depth = depthOf(set);
  const candidates = depth > 0 ? fieldsAt(set, depth - 1).filter(([s]) => s.children) : fieldsAt(set, 0);
  const lists = candidates.filter(([s]) => s.list);
  return (lists.length ? lists : candidates).at(-1);
}

/**
 * Every root query and mutation, each selection shrunk until it costs at most `maxCost` as the gateway counts it
 * (lists by their bounds, pages by the largest `first`): a costlier one is refused before its arguments are read.
 */
export function rootOperations(schema: GraphQLSchema = committedSupergraph(), maxCost = loadSecurityConfig({}).limits.maxCost): RootOperation[] {
  const costOf = (document: string): number => {
    const [error] = validate(schema, parse(document), [queryCostRule(-1)]);
    return Number(error?.extensions.cost ?? 0);
  };
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => {
      const named = getNamedType(field.type);
      const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
      const set = isObjectType(named) ? selection(named, DEPTH) : [];
      const documentOf = () => {
        const body = isObjectType(named) ? ` { ${print(set)} }` : isLeafType(named) ? '' : ' { __typename }';
        return `${kind} Hostile${variables ? `(${variables})` : ''} { ${field.name}${call}${body} }`;
      };
      let document = documentOf();
      let cost = costOf(document);
      for (let drop = nextToDrop(set); cost > maxCost && drop; drop = nextToDrop(set)) {
        const [selected, holder] = drop;
        holder.splice(holder.indexOf(selected), 1);
        document = documentOf();
        cost = costOf(document);
      }
      return { kind, field: field.name, args: field.args, document };
    }),
  );
}
