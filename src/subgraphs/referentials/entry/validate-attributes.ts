import { AttributeType, type AttributeDefinition } from '../referential/attribute-definition.type';
import { invalid } from '../referentials.exception';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const CHECKS: Record<AttributeType, (value: unknown, definition: AttributeDefinition) => boolean> = {
  [AttributeType.STRING]: (value) => typeof value === 'string',
  [AttributeType.INTEGER]: (value) => Number.isInteger(value),
  [AttributeType.BOOLEAN]: (value) => typeof value === 'boolean',
  [AttributeType.DATE]: (value) => typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)),
  [AttributeType.ENUM]: (value, definition) => typeof value === 'string' && (definition.values ?? []).includes(value),
};

/**
 * The check of entry attributes against the referential's definitions, worked out once for a list of
 * definitions (an import checks a million rows against the same ones); the error names the attribute.
 */
export function attributeValidator(definitions: readonly AttributeDefinition[], field = 'input.attributes'): (attributes: Record<string, unknown>) => void {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const required = definitions.filter((d) => d.required);
  return (attributes) => {
    for (const name in attributes) {
      const definition = byName.get(name);
      if (!definition) throw invalid(`unknown attribute "${name}" (declared: ${[...byName.keys()].join(', ') || 'none'})`, `${field}.${name}`);
      const value = attributes[name];
      if (value === null || value === undefined) continue;
      if (!CHECKS[definition.type](value, definition)) {
        const expected =
          definition.type === AttributeType.ENUM ? `one of ${(definition.values ?? []).map((v) => `"${v}"`).join(', ')}` : `a ${definition.type}`;
        throw invalid(`attribute "${name}" must be ${expected}, got ${JSON.stringify(value)}`, `${field}.${name}`);
      }
    }
    for (const definition of required) {
      if (attributes[definition.name] === undefined || attributes[definition.name] === null) {
        throw invalid(`attribute "${definition.name}" is required`, `${field}.${definition.name}`);
      }
    }
  };
}

/** Checks entry attributes against the referential's definitions; the error names the attribute. */
export function validateAttributes(definitions: readonly AttributeDefinition[], attributes: Record<string, unknown>, field = 'input.attributes'): void {
  attributeValidator(definitions, field)(attributes);
}
