import {
  getOperationAST,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** How a value is kept: the API schema's type worked out once, so that no type check runs per value. */
type Shape =
  | { kind: 'nonNull'; of: Shape }
  | { kind: 'list'; of: Shape }
  | { kind: 'leaf'; type: GraphQLLeafType }
  | { kind: 'object'; fields: readonly ProjectedField[] };

/** A field of the client's document as the answer holds it: under its name, shaped as the API schema types it. */
interface ProjectedField {
  name: string;
  shape: Shape;
}

/** The client's selection over the merged fetches' data: what the answer keeps of it, in the document's order. */
export type Projection = readonly ProjectedField[];

/** A value the API schema refuses (or one this projection does not judge): the chain then takes the whole path. */
const REFUSED = Symbol('refused');

function shapeOf(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): Shape | undefined {
  if (isNonNullType(type)) {
    const of = shapeOf(type.ofType, selectionSet);
    return of && { kind: 'nonNull', of };
  }
  if (isListType(type)) {
    const of = shapeOf(type.ofType as GraphQLOutputType, selectionSet);
    return of && { kind: 'list', of };
  }
  if (isLeafType(type)) return selectionSet ? undefined : { kind: 'leaf', type };
  if (!isObjectType(type) || !selectionSet) return undefined;
  const fields = fieldsOf(type, selectionSet);
  return fields && { kind: 'object', fields };
}

/** Plain fields only, each once, on object types: anything else (fragments, directives, aliases, `__typename`) is shaped by graphql. */
function fieldsOf(parent: GraphQLObjectType, selectionSet: SelectionSetNode): ProjectedField[] | undefined {
  const fields: ProjectedField[] = [];
  const names = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.alias || selection.directives?.length) return undefined;
    const name = selection.name.value;
    const definition = parent.getFields()[name];
    if (!definition || names.has(name)) return undefined;
    names.add(name);
    const shape = shapeOf(definition.type, selection.selectionSet);
    if (!shape) return undefined;
    fields.push({ name, shape });
  }
  return fields;
}

/**
 * The projection of a query whose selections are plain fields on object types, or undefined. The merged data then
 * holds every field the client asked for under its name, already serialised by its subgraph: keeping those fields in
 * the document's order is what a second execution over the API schema gives, without running it.
 */
export function projectionOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Projection | undefined {
  const operation = getOperationAST(document, operationName);
  const query = schema.getQueryType();
  if (!operation || !query || operation.directives?.length || document.definitions.length !== 1) return undefined;
  return fieldsOf(query, operation.selectionSet);
}

function projectValue(value: unknown, shape: Shape): unknown {
  if (shape.kind === 'nonNull') return value === null || value === undefined ? REFUSED : projectValue(value, shape.of);
  if (value === null || value === undefined) return null;
  switch (shape.kind) {
    case 'list': {
      if (!Array.isArray(value)) return REFUSED;
      const items: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) if ((items[i] = projectValue(value[i], shape.of)) === REFUSED) return REFUSED;
      return items;
    }
    case 'object':
      return typeof value === 'object' && !Array.isArray(value) ? projectObject(value as Record<string, unknown>, shape.fields) : REFUSED;
    case 'leaf':
      // Subgraphs serialised it already: kept only where graphql would give it unchanged (not `5` for an ID, not `1.5` for an Int).
      try {
        return shape.type.serialize(value) === value ? value : REFUSED;
      } catch {
        return REFUSED;
      }
  }
}

function projectObject(source: Record<string, unknown>, fields: Projection): unknown {
  const answer: Record<string, unknown> = {};
  for (const field of fields) {
    const value = projectValue(source[field.name], field.shape);
    if (value === REFUSED) return REFUSED;
    answer[field.name] = value;
  }
  return answer;
}

/** The answer's data, or undefined where graphql would have reported an error (the whole path then answers). */
export function project(data: Record<string, unknown>, projection: Projection): Record<string, unknown> | undefined {
  const answer = projectObject(data, projection);
  return answer === REFUSED ? undefined : (answer as Record<string, unknown>);
}
