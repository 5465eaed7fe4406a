import {
  coerceInputValue,
  getOperationAST,
  Kind,
  parseType,
  print,
  TypeInfo,
  valueFromAST,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
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

/**
 * The document of one query operation with the literals of its fields' arguments as variables of the arguments' own
 * types (`court(code: "100039")` → `court(code: $rjLiteral0)`), printed. A page's `first` stays literal: the cost
 * rule multiplies by it (a variable would count as the largest page). Undefined when nothing changes but the
 * layout, for another operation kind or several, and when a variable of the document already bears the prefix.
 */
export function canonicalDocument(schema: GraphQLSchema, document: DocumentNode): CanonicalDocument | undefined {
  const operation = getOperationAST(document);
  if (!operation || operation.operation !== 'query' || operation.variableDefinitions?.some((v) => v.variable.name.value.startsWith(PREFIX))) return undefined;
  const typeInfo = new TypeInfo(schema);
  const definitions: VariableDefinitionNode[] = [];
  const variables: Record<string, unknown> = {};
  const hoisted = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive: () => false, // `@include(if: true)` and the like stay as written
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument || node.name.value === PAGE_SIZE_ARGUMENT) return undefined;
        const variable = asVariable(node, argument.type);
        if (!variable) return undefined;
        const name = `${PREFIX}${definitions.length}`;
        variables[name] = variable.value;
        const reference = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } as const;
        definitions.push({ kind: Kind.VARIABLE_DEFINITION, variable: reference, type: parseType(String(argument.type)) });
        return { ...node, value: reference };
      },
    }),
  );
  if (!definitions.length) return undefined;
  const canonical: DocumentNode = {
    ...hoisted,
    definitions: hoisted.definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? ({ ...definition, variableDefinitions: [...(definition.variableDefinitions ?? []), ...definitions] } satisfies OperationDefinitionNode)
        : definition,
    ),
  };
  return { text: print(canonical), document: canonical, variables };
}
