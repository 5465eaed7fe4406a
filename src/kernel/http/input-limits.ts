import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** Longest String and ID values by default: names, labels, free text of a few lines; codes are varchar(64). */
export const DEFAULT_MAX_STRING = 500;
export const DEFAULT_MAX_ID = 64;
/** Most items an input list may hold (codes to merge, features of a release…). */
export const MAX_INPUT_LIST = 1000;
/** Deepest nesting of a JSON value (a sample message, an entry's attributes): code walking it recursively must not overflow. */
export const MAX_JSON_DEPTH = 100;

/** Longer texts, by schema coordinate (`Input.field`, or `Type.field(arg:)` for an argument). */
export const STRING_LIMITS: Readonly<Record<string, number>> = {
  'AddSchemaVersionInput.content': 1_000_000, // an XSD or a JSON Schema document (the body limit binds first)
  'CreateApplicationInput.description': 4000,
  'UpdateApplicationInput.description': 4000,
  'CreateExchangeInput.description': 4000,
  'CreateReferentialInput.description': 4000,
  'AddRoadmapItemInput.description': 4000,
  'AttributeDefinitionInput.description': 4000,
  'AddReleaseInput.notes': 4000,
  'Mutation.createDraft(notes:)': 4000,
  'Mutation.publishRelease(notes:)': 4000,
  'UpsertEntryInput.label': 2000,
  'LegalCellsInput.definedBy': 2000,
  'LegalCellsInput.punishedBy': 2000,
  'CreateApplicationInput.documentationUrl': 2048,
  'UpdateApplicationInput.documentationUrl': 2048,
  'RegisterWebhookInput.url': 2048,
};

export interface InputProblem {
  field: string;
  /** A literal of the document rather than a variable: a malformed date there fails validation, as graphql-js says. */
  literal?: boolean;
  reason: 'VALUE_TOO_LONG' | 'NUL_CHARACTER' | 'LIST_TOO_LONG' | 'INVALID_DATE' | 'JSON_TOO_DEEP';
  message: string;
}

const JSON_SCALARS = new Set(['JSON', 'JSONObject']);

/** `YYYY-MM-DD`, a real day, year 1 to 9999. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || match[1] === '0000') return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An ISO 8601 date-time of year 1 to 9999 in UTC: MikroORM inlines dates as ISO text, which PostgreSQL refuses beyond. */
function isDateTime(value: string): boolean {
  const time = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  const year = new Date(time).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** What PostgreSQL or a recursive walk cannot take in a JSON value: a NUL in a string or a key, nesting past MAX_JSON_DEPTH. */
function jsonProblem(value: unknown): 'NUL_CHARACTER' | 'JSON_TOO_DEEP' | undefined {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\0')) return 'NUL_CHARACTER';
    } else if (current && typeof current === 'object') {
      if (depth >= MAX_JSON_DEPTH) return 'JSON_TOO_DEEP';
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\0')) return 'NUL_CHARACTER';
        pending.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

function checkValue(value: unknown, type: GraphQLInputType, coordinate: string, path: string): InputProblem | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > MAX_INPUT_LIST) return { field: path, reason: 'LIST_TOO_LONG', message: `${path} holds more than ${MAX_INPUT_LIST} items` };
    for (const item of items) {
      const problem = checkValue(item, nullable.ofType, coordinate, path);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return undefined;
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      const problem = field && checkValue(item, field.type, `${nullable.name}.${name}`, `${path}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isScalarType(nullable)) return undefined;
  if (JSON_SCALARS.has(nullable.name)) {
    const reason = jsonProblem(value);
    if (reason === 'NUL_CHARACTER') return { field: path, reason, message: `${path} contains a NUL character` };
    return reason && { field: path, reason, message: `${path} is nested deeper than ${MAX_JSON_DEPTH} levels` };
  }
  if (typeof value !== 'string') return undefined;
  // The gateway's LocalDate and DateTimeISO are the supergraph's (no parsing): a date PostgreSQL refuses is stopped here.
  if (nullable.name === 'LocalDate' && !isCalendarDate(value))
    return { field: path, reason: 'INVALID_DATE', message: `${path} must be a date between 0001-01-01 and 9999-12-31 (YYYY-MM-DD)` };
  if (nullable.name === 'DateTimeISO' && !isDateTime(value))
    return {
      field: path,
      reason: 'INVALID_DATE',
      message: `${path} must be a date and time between 0001-01-01 and 9999-12-31 (ISO 8601, e.g. 2026-11-28T09:00:00Z)`,
    };
  if (value.includes('\0')) return { field: path, reason: 'NUL_CHARACTER', message: `${path} contains a NUL character` };
  const max = STRING_LIMITS[coordinate] ?? (nullable.name === 'ID' ? DEFAULT_MAX_ID : DEFAULT_MAX_STRING);
  if (value.length > max) return { field: path, reason: 'VALUE_TOO_LONG', message: `${path} is longer than ${max} characters` };
  return undefined;
}

/** An argument of a document, with what checking its value needs. */
interface ArgumentSite {
  node: ArgumentNode;
  type: GraphQLInputType;
  coordinate: string;
  name: string;
}

/** The argument sites of each document, per schema: Apollo keeps parsed documents, so a document is walked once. */
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly ArgumentSite[]>>();

function argumentSites(schema: GraphQLSchema, document: DocumentNode): readonly ArgumentSite[] {
  let byDocument = sitesBySchema.get(schema);
  if (!byDocument) sitesBySchema.set(schema, (byDocument = new WeakMap()));
  let sites = byDocument.get(document);
  if (sites) return sites;
  const found: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!argument || typeInfo.getDirective() || !field || !parent) return;
        found.push({ node, type: argument.type, coordinate: `${parent.name}.${field.name}(${argument.name}:)`, name: argument.name });
      },
    }),
  );
  byDocument.set(document, (sites = found));
  return sites;
}

/** The first argument value (literal or variable) of the document that is too long, too large or holds a NUL. */
export function findInputProblem(schema: GraphQLSchema, document: DocumentNode, variables: Readonly<Record<string, unknown>>): InputProblem | undefined {
  for (const { node, type, coordinate, name } of argumentSites(schema, document)) {
    const problem = checkValue(valueFromAST(node.value, type, variables as Record<string, unknown>), type, coordinate, name);
    if (problem) return { ...problem, literal: node.value.kind !== Kind.VARIABLE };
  }
  return undefined;
}

/**
 * Every String and ID an operation carries, as a literal or in variables, at any depth of its input objects, is
 * checked before anything runs: no NUL (PostgreSQL refuses it, and the error would name SQL), at most 500 characters
 * (100 for an ID) unless its coordinate allows more (STRING_LIMITS). Refused with BAD_USER_INPUT naming the field.
 */
export const inputLimitsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request }) {
        const problem = findInputProblem(schema, document, request.variables ?? {});
        if (!problem) return;
        const code = problem.reason === 'INVALID_DATE' && problem.literal ? 'GRAPHQL_VALIDATION_FAILED' : 'BAD_USER_INPUT';
        throw new GraphQLError(problem.message, { extensions: { code, reason: problem.reason, field: problem.field, http: { status: 400 } } });
      },
    };
  },
};
