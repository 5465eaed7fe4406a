import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../graphql/connection';
import { DEFAULT_LIST_BOUND, LIST_BOUNDS } from './list-bounds';

/** The argument whose value the cost multiplies by: a document that makes it a variable costs its largest page. */
export const PAGE_SIZE_ARGUMENT = 'first';

/**
 * The cost of an operation is the number of objects and list items it may return at most: every object field
 * counts 1 plus what is selected under it, every list multiplies that by its bound: `first` for a paginated field
 * (its default when absent, the page size limit when a variable), the declared bound of LIST_BOUNDS otherwise.
 * Scalars outside lists are free. An operation above `maxCost` is refused before it runs (GRAPHQL_VALIDATION_FAILED,
 * reason QUERY_TOO_COSTLY): `court { children { parent { children { parent { children … } } } } }` multiplies 60s.
 */
export function queryCostRule(maxCost: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const root =
        operation.operation === 'query'
          ? context.getSchema().getQueryType()
          : operation.operation === 'mutation'
            ? context.getSchema().getMutationType()
            : context.getSchema().getSubscriptionType();
      if (!root) return;
      const cost = new CostCounter(context, operation.variableDefinitions ?? []).selectionSet(root, operation.selectionSet, new Set());
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${Math.round(cost)}: ask for smaller pages or fewer nested lists.`, {
            nodes: [operation],
            extensions: { reason: 'QUERY_TOO_COSTLY', cost: Math.round(cost), maxCost },
          }),
        );
      }
    },
  });
}

class CostCounter {
  constructor(
    private readonly context: ValidationContext,
    private readonly variables: readonly VariableDefinitionNode[],
  ) {}

  selectionSet(type: GraphQLCompositeType, set: SelectionSetNode, fragments: ReadonlySet<string>): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) cost += this.field(type, selection, fragments);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.context.getSchema().getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) cost += this.selectionSet(on, selection.selectionSet, fragments);
      } else {
        // A fragment cycle is reported by NoFragmentCyclesRule; here it only must not loop.
        const name = selection.name.value;
        const fragment = this.context.getFragment(name);
        const on = fragment && this.context.getSchema().getType(fragment.typeCondition.name.value);
        if (fragment && on && isCompositeType(on) && !fragments.has(name)) cost += this.selectionSet(on, fragment.selectionSet, new Set([...fragments, name]));
      }
    }
    return cost;
  }

  private field(parent: GraphQLCompositeType, node: FieldNode, fragments: ReadonlySet<string>): number {
    if (node.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0; // __typename, introspection
    const field = parent.getFields()[node.name.value];
    if (!field) return 0; // an unknown field: FieldsOnCorrectTypeRule says so
    const named = getNamedType(field.type);
    const inner = node.selectionSet && isCompositeType(named) ? 1 + this.selectionSet(named, node.selectionSet, fragments) : 1;
    const multiplier = this.multiplier(`${parent.name}.${field.name}`, field, node);
    if (multiplier !== undefined) return multiplier * inner;
    return node.selectionSet ? inner : 0;
  }

  /** How many times what is under this field may be returned; undefined for a plain (non-list) field. */
  private multiplier(coordinate: string, field: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
    const first = field.args.find((a) => a.name === PAGE_SIZE_ARGUMENT);
    if (first) {
      const given = node.arguments?.find((a) => a.name.value === PAGE_SIZE_ARGUMENT)?.value;
      const fallback = typeof first.defaultValue === 'number' ? first.defaultValue : DEFAULT_PAGE_SIZE;
      return given ? this.intOf(given, fallback, LIST_BOUNDS[coordinate] ?? MAX_PAGE_SIZE) : fallback;
    }
    if (!isListType(getNullableType(field.type))) return undefined;
    return LIST_BOUNDS[coordinate] ?? DEFAULT_LIST_BOUND;
  }

  /** A literal counts as given; a variable, unknown here, as the largest page the field serves (`pageLimit`). */
  private intOf(value: ValueNode, fallback: number, pageLimit: number): number {
    if (value.kind === Kind.INT) return Math.max(1, Number(value.value));
    if (value.kind === Kind.VARIABLE) {
      const defaultValue = this.variables.find((v) => v.variable.name.value === value.name.value)?.defaultValue;
      return defaultValue?.kind === Kind.INT ? Math.max(pageLimit, Number(defaultValue.value)) : pageLimit;
    }
    return fallback;
  }
}
