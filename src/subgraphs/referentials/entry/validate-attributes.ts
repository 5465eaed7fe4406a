import { AttributeType, type AttributeDefinition } from '../referential/attribute-definition.type';
import { invalid } from '../referentials.exception';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks entry attributes against the referential's definitions; the error names the attribute. */
export function validateAttributes(definitions: readonly AttributeDefinition[], attributes: Record<string, unknown>, field = 'input.attributes'): void {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  for (const [name, value] of Object.entries(attributes)) {
    const definition = byName.get(name);
    if (!definition) throw invalid(`unknown attribute "${name}" (declared: ${[...byName.keys()].join(', ') || 'none'})`, `${field}.${name}`);
    if (value === null || value === undefined) continue;
    const ok = {
      [AttributeType.STRING]: typeof value === 'string',
      [AttributeType.INTEGER]: Number.isInteger(value),
      [AttributeType.BOOLEAN]: typeof value === 'boolean',
      [AttributeType.DATE]: typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)),
      [AttributeType.ENUM]: typeof value === 'string' && (definition.values ?? []).includes(value),
    }[definition.type];
    if (!ok) {
      const expected = definition.type === AttributeType.ENUM ? `one of ${(definition.values ?? []).map((v) => `"${v}"`).join(', ')}` : `a ${definition.type}`;
      throw invalid(`attribute "${name}" must be ${expected}, got ${JSON.stringify(value)}`, `${field}.${name}`);
    }
  }
  for (const definition of definitions) {
    if (definition.required && (attributes[definition.name] === undefined || attributes[definition.name] === null)) {
      throw invalid(`attribute "${definition.name}" is required`, `${field}.${definition.name}`);
    }
  }
}
