import {
  getNamedType,
  getOperationAST,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** A field of the client's document as the answer holds it: under its name, typed as the API schema types it. */
interface ProjectedField {
  name: string;
  type: GraphQLOutputType;
  fields?: readonly ProjectedField[];
}

/** The client's selection over the merged fetches' data: what the answer keeps of it, in the document's order. */
export type Projection = readonly ProjectedField[];

/** A value the API schema refuses (or one this projection does not judge): the chain then takes the whole path. */
const REFUSED = Symbol('refused');

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
    const named = getNamedType(definition.type);
    if (isLeafType(named)) {
      if (selection.selectionSet) return undefined;
      fields.push({ name, type: definition.type });
      continue;
    }
    if (!isObjectType(named) || !selection.selectionSet) return undefined;
    const nested = fieldsOf(named, selection.selectionSet);
    if (!nested) return undefined;
    fields.push({ name, type: definition.type, fields: nested });
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

function projectValue(value: unknown, type: GraphQLOutputType, fields: Projection | undefined): unknown {
  if (isNonNullType(type)) return value === null || value === undefined ? REFUSED : projectValue(value, type.ofType, fields);
  if (value === null || value === undefined) return null;
  if (isListType(type)) {
    if (!Array.isArray(value)) return REFUSED;
    const items: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) if ((items[i] = projectValue(value[i], type.ofType, fields)) === REFUSED) return REFUSED;
    return items;
  }
  if (fields) return typeof value === 'object' && !Array.isArray(value) ? projectObject(value as Record<string, unknown>, fields) : REFUSED;
  if (!isLeafType(type)) return REFUSED;
  // Subgraphs serialised it already: kept only where graphql would give it unchanged (not `5` for an ID, not `1.5` for an Int).
  try {
    return type.serialize(value) === value ? value : REFUSED;
  } catch {
    return REFUSED;
  }
}

function projectObject(source: Record<string, unknown>, fields: Projection): unknown {
  const answer: Record<string, unknown> = {};
  for (const field of fields) {
    const value = projectValue(source[field.name], field.type, field.fields);
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
