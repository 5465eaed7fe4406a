import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function fieldsOf(sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
}

/**
 * The names of the fields a query selects `path` below the resolved field (`['edges', 'node']` for a connection's
 * nodes), fragments included: lets a resolver read in one statement what nested resolvers would ask for. `@skip` and
 * `@include` are not evaluated, so a name may be selected in vain, never missed.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path)
    sets = fieldsOf(sets, info)
      .filter((f) => f.name.value === name)
      .flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  return new Set(fieldsOf(sets, info).map((f) => f.name.value));
}

/**
 * Whether the query selects nothing directly below the resolved field but these fields (`__typename` aside): an object
 * the parent row already identifies can then be answered without reading it.
 */
export function selectsOnly(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  // Asked once per list item (each deployment, each entity of a fetch) with the same nodes: judged once per field.
  let judged = judgedSelections.get(info.fieldNodes);
  if (!judged) judgedSelections.set(info.fieldNodes, (judged = new Map()));
  let only = judged.get(names);
  if (only === undefined) {
    only = [...selectedFields(info)].every((name) => name === '__typename' || names.has(name));
    judged.set(names, only);
  }
  return only;
}

const judgedSelections = new WeakMap<readonly FieldNode[], Map<ReadonlySet<string>, boolean>>();
