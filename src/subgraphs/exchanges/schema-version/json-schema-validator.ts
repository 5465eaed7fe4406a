import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';

export interface MessageError {
  path: string;
  message: string;
  keyword: string;
}

const MAX_CACHED = 200;
const compiled = new Map<string, ValidateFunction>();

/**
 * `pattern` and `patternProperties` come from stored schemas, i.e. from callers: they run on RE2 (re2js, linear time),
 * so `^(a+)+$` cannot make a message take seconds per character. A pattern RE2 cannot run (backreferences,
 * lookarounds) makes the schema refused.
 */
const linearRegExp: RegExpEngine = Object.assign((pattern: string) => RE2JS.compile(pattern), { code: 're2js' });

/** The Ajv flavour matching the schema's `$schema` (draft-07 when absent); `strict: false` accepts vendor keywords. */
function ajvFor(schema: { $schema?: unknown }): Ajv {
  const dialect = String(schema.$schema ?? '');
  const options = { allErrors: true, strict: false, code: { regExp: linearRegExp } };
  const ajv = dialect.includes('2020-12') ? new Ajv2020(options) : dialect.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv);
  return ajv;
}

/** Parses and compiles a JSON Schema text; throws with Ajv's or JSON's message when it is not one. */
export function compileJsonSchema(text: string): ValidateFunction {
  const cached = compiled.get(text);
  if (cached) return cached;
  const schema: unknown = JSON.parse(text);
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error('a JSON Schema is a JSON object');
  const validate = ajvFor(schema).compile(schema);
  if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
  compiled.set(text, validate);
  return validate;
}

/** Ajv points at the parent object for missing or extra properties: the path here names the property itself. */
function pathOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const property = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  const path = property === undefined ? error.instancePath : `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return path || '/';
}

export function validateWith(validate: ValidateFunction, payload: unknown): MessageError[] {
  if (validate(payload)) return [];
  return (validate.errors ?? []).map((e) => ({ path: pathOf(e), message: e.message ?? e.keyword, keyword: e.keyword }));
}
