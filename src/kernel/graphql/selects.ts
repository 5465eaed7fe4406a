import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks for the field at `path` below the field being resolved (through fragments), e.g.
 * `['edges', 'node', 'parent']`: lets a resolver fetch a nested selection in its own statement instead of a second one.
 * `@skip`/`@include` are not evaluated: a skipped field counts as selected, which only costs a join.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && selectsIn(node.selectionSet, path, info));
}

function selectsIn(set: SelectionSetNode, path: readonly string[], info: GraphQLResolveInfo): boolean {
  return set.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== path[0]) return false;
      return path.length === 1 || (selection.selectionSet !== undefined && selectsIn(selection.selectionSet, path.slice(1), info));
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet;
    return fragment !== undefined && selectsIn(fragment, path, info);
  });
}
