import { Kind, parse, print, type ConstArgumentNode, type ConstDirectiveNode, type DefinitionNode, type TypeNode } from 'graphql';

export type TypeKind = 'object' | 'interface' | 'enum' | 'input' | 'scalar' | 'union';

export interface FieldInfo {
  name: string;
  type: string;
  description?: string;
  args: { name: string; type: string; description?: string }[];
  /** Subgraphs that resolve the field (from @join__field, else the type's). */
  owners: string[];
  deprecated?: string;
}

export interface TypeInfo {
  name: string;
  kind: TypeKind;
  description?: string;
  owners: string[];
  /** Entity keys, e.g. "code", with the subgraph declaring each. */
  keys: { subgraph: string; fields: string }[];
  fields: FieldInfo[];
}

export interface SupergraphModel {
  /** Subgraph names as the supergraph declares them (lower case), e.g. "organisation". */
  subgraphs: string[];
  types: TypeInfo[];
  /** Root query fields, to tell whether a view's API is served. */
  queryFields: Set<string>;
}

const INTERNAL = /^(join__|link__)/;
const KINDS: Partial<Record<Kind, TypeKind>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'object',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'interface',
  [Kind.ENUM_TYPE_DEFINITION]: 'enum',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'input',
  [Kind.SCALAR_TYPE_DEFINITION]: 'scalar',
  [Kind.UNION_TYPE_DEFINITION]: 'union',
};

// Root types first, then what they return, then the input and leaf types: the order in which one reads a schema.
const ROOTS = ['Query', 'Mutation', 'Subscription'];
const KIND_RANK: Record<TypeKind, number> = { object: 1, interface: 1, union: 2, enum: 3, input: 4, scalar: 5 };
const rank = (t: { name: string; kind: TypeKind }): number => (ROOTS.includes(t.name) ? ROOTS.indexOf(t.name) - 10 : KIND_RANK[t.kind]);

const typeString = (node: TypeNode): string => print(node);
const arg = (directive: ConstDirectiveNode, name: string): ConstArgumentNode | undefined => directive.arguments?.find((a) => a.name.value === name);
const argValue = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const value = arg(directive, name)?.value;
  return value && (value.kind === Kind.STRING || value.kind === Kind.ENUM) ? value.value : undefined;
};
const directives = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) => (node.directives ?? []).filter((d) => d.name.value === name);
const deprecation = (node: { directives?: readonly ConstDirectiveNode[] }): string | undefined => {
  const d = directives(node, 'deprecated')[0];
  return d ? (argValue(d, 'reason') ?? 'No longer supported') : undefined;
};

/** Reads the supergraph SDL: types, fields, their owning subgraphs and keys, as the join directives record them. */
export function readSupergraph(sdl: string): SupergraphModel {
  const document = parse(sdl);
  const graphNames = new Map<string, string>();
  for (const d of document.definitions) {
    if (d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph') {
      for (const v of d.values ?? []) graphNames.set(v.name.value, argValue(directives(v, 'join__graph')[0], 'name') ?? v.name.value.toLowerCase());
    }
  }
  const graph = (d: ConstDirectiveNode): string | undefined => {
    const g = argValue(d, 'graph');
    return g ? (graphNames.get(g) ?? g.toLowerCase()) : undefined;
  };
  const types: TypeInfo[] = [];
  for (const d of document.definitions as readonly DefinitionNode[]) {
    const kind = KINDS[d.kind];
    if (!kind || !('name' in d) || !d.name || INTERNAL.test(d.name.value)) continue;
    const def = d as DefinitionNode & { name: { value: string }; description?: { value: string }; directives?: readonly ConstDirectiveNode[] };
    const joinTypes = directives(def, 'join__type');
    const owners = [...new Set(joinTypes.map(graph).filter((g): g is string => !!g))];
    const keys = joinTypes.flatMap((j) => (argValue(j, 'key') ? [{ subgraph: graph(j) ?? '?', fields: argValue(j, 'key')! }] : []));
    const rawFields = 'fields' in def ? (def.fields ?? []) : 'values' in def ? (def.values ?? []) : [];
    const fields: FieldInfo[] = rawFields.map((f) => {
      const joined = directives(f, 'join__field').filter((j) => argValue(j, 'graph') && !arg(j, 'external'));
      return {
        name: f.name.value,
        type: 'type' in f ? typeString(f.type) : '',
        description: f.description?.value,
        args: 'arguments' in f ? (f.arguments ?? []).map((a) => ({ name: a.name.value, type: typeString(a.type), description: a.description?.value })) : [],
        owners: joined.length ? [...new Set(joined.map(graph).filter((g): g is string => !!g))] : owners,
        deprecated: deprecation(f),
      };
    });
    types.push({ name: def.name.value, kind, description: def.description?.value, owners, keys, fields });
  }
  types.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const query = types.find((t) => t.name === 'Query');
  return { subgraphs: [...graphNames.values()], types, queryFields: new Set(query?.fields.map((f) => f.name) ?? []) };
}
