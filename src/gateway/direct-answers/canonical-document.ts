import {
  coerceInputValue,
  getNamedType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationTypeNode,
  parseType,
  print,
  valueFromAST,
  valueFromASTUntyped,
  type ArgumentNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { PAGE_SIZE_ARGUMENT } from '../../kernel/http/query-cost';

/** A client's document with its field arguments' literals turned into variables: one text for every such request. */
export interface CanonicalDocument {
  text: string;
  document: DocumentNode;
  /** The literals, as the client would have sent them in `variables`. */
  variables: Record<string, unknown>;
}

const PREFIX = 'rjLiteral';

/** The JSON of a value, or undefined when it has none (a cycle, a BigInt): such a literal stays where it is. */
function json(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** No variable anywhere in it (graphql 16's `isConstValueNode` asks it of one item or field only). */
const isConstant = (value: ValueNode): boolean =>
  value.kind === Kind.LIST
    ? value.values.every(isConstant)
    : value.kind === Kind.OBJECT
      ? value.fields.every((field) => isConstant(field.value))
      : value.kind !== Kind.VARIABLE;

/**
 * The literal as a variable value, when the two are the same to graphql: the value a variable holding it coerces to
 * (what execution reads) is the one the literal gives, and there is one (an invalid literal gives none, which is what
 * validation checks). Undefined otherwise: the literal stays in the document, so that document keeps its own route.
 */
function asVariable(argument: ArgumentNode, type: GraphQLInputType): { value: unknown } | undefined {
  if (!isConstant(argument.value)) return undefined;
  const value = valueFromASTUntyped(argument.value);
  let coerced: unknown;
  try {
    coerced = coerceInputValue(value, type);
  } catch {
    return undefined;
  }
  const literal = json(valueFromAST(argument.value, type));
  return literal !== undefined && literal === json(coerced) ? { value } : undefined;
}

/** What a walk over the document gathers: the variables it made of literals, in document order. */
interface Hoisting {
  schema: GraphQLSchema;
  definitions: VariableDefinitionNode[];
  variables: Record<string, unknown>;
}

/** An argument whose literal becomes a variable, or the same node. */
function hoistArgument(node: ArgumentNode, type: GraphQLInputType, hoisting: Hoisting): ArgumentNode {
  const variable = node.name.value === PAGE_SIZE_ARGUMENT ? undefined : asVariable(node, type);
  if (!variable) return node;
  const name = `${PREFIX}${hoisting.definitions.length}`;
  hoisting.variables[name] = variable.value;
  const reference = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } as const;
  hoisting.definitions.push({ kind: Kind.VARIABLE_DEFINITION, variable: reference, type: parseType(String(type)) });
  return { ...node, value: reference };
}

/** A field with its arguments and those of the fields under it hoisted (a field its type lacks stays as written). */
function hoistField(node: FieldNode, parent: GraphQLCompositeType, hoisting: Hoisting): FieldNode {
  const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
  if (!field) return node;
  const args = node.arguments?.map((argument) => {
    const definition = field.args.find((a) => a.name === argument.name.value);
    return definition ? hoistArgument(argument, definition.type, hoisting) : argument;
  });
  const named = getNamedType(field.type);
  const selectionSet = node.selectionSet && isCompositeType(named) ? hoistSelections(node.selectionSet, named, hoisting) : node.selectionSet;
  const changed = selectionSet !== node.selectionSet || args?.some((argument, i) => argument !== node.arguments![i]);
  return changed ? { ...node, arguments: args, selectionSet } : node;
}

/** Fields and inline fragments in document order; directives keep their literals (`@include(if: true)`). */
function hoistSelections(set: SelectionSetNode, parent: GraphQLCompositeType, hoisting: Hoisting): SelectionSetNode {
  const selections = set.selections.map((selection): SelectionNode => {
    if (selection.kind === Kind.FIELD) return hoistField(selection, parent, hoisting);
    if (selection.kind !== Kind.INLINE_FRAGMENT) return selection;
    const type = selection.typeCondition ? hoisting.schema.getType(selection.typeCondition.name.value) : parent;
    if (!isCompositeType(type)) return selection;
    const inner = hoistSelections(selection.selectionSet, type, hoisting);
    return inner === selection.selectionSet ? selection : { ...selection, selectionSet: inner };
  });
  return selections.some((selection, i) => selection !== set.selections[i]) ? { ...set, selections } : set;
}

/**
 * The document of one query operation with the literals of its fields' arguments as variables of the arguments' own
 * types (`court(code: "100039")` → `court(code: $rjLiteral0)`), printed. A page's `first` stays literal: the cost
 * rule multiplies by it (a variable would count as the largest page). Undefined when nothing changes but the
 * layout, for another operation kind or several, and when the document defines or uses a variable of the prefix.
 * A walk of its own, down fields and fragments only: graphql's visitor with TypeInfo on every node was 7 % of the CPU
 * of a request written with literals.
 */
export function canonicalDocument(schema: GraphQLSchema, document: DocumentNode): CanonicalDocument | undefined {
  const operation = getOperationAST(document);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || operation.operation !== OperationTypeNode.QUERY || !root) return undefined;
  if (operation.variableDefinitions?.some((v) => v.variable.name.value.startsWith(PREFIX))) return undefined;
  const hoisting: Hoisting = { schema, definitions: [], variables: {} };
  const definitions = document.definitions.map((definition): DefinitionNode => {
    if (definition.kind === Kind.OPERATION_DEFINITION) return { ...definition, selectionSet: hoistSelections(definition.selectionSet, root, hoisting) };
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) return definition;
    const type = schema.getType(definition.typeCondition.name.value);
    return isCompositeType(type) ? { ...definition, selectionSet: hoistSelections(definition.selectionSet, type, hoisting) } : definition;
  });
  if (!hoisting.definitions.length) return undefined;
  const canonical: DocumentNode = {
    ...document,
    definitions: definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? { ...definition, variableDefinitions: [...(definition.variableDefinitions ?? []), ...hoisting.definitions] }
        : definition,
    ),
  };
  const text = print(canonical);
  // Each variable made here is defined and used once: a document using one of their names itself (undefined there,
  // so invalid) has no canonical form, whatever it would print as.
  if (text.split(`$${PREFIX}`).length - 1 !== 2 * hoisting.definitions.length) return undefined;
  return { text, document: canonical, variables: hoisting.variables };
}
