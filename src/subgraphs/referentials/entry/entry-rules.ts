import type { Referential } from '../referential/referential.entity';
import { attributeValidator } from './validate-attributes';

/** An entry's fields as stored, whoever writes them (an import's row or a steward's edit). */
export interface EntryFields {
  code: string;
  label: string;
  parentCode: string | null;
  level: number | null;
  attributes: Record<string, unknown>;
  validFrom: string | null;
  validTo: string | null;
  legalCells?: { definedBy?: string | null; punishedBy?: string | null } | null;
}

/** A rule broken by one entry; `field` is `code`, `label`, `parentCode`, `level`, `validFrom`, `validTo` or `attributes.<name>`. */
export interface EntryProblem {
  field: string;
  reason: string;
}

export const ENTRY_CODE = /^[A-Za-z0-9._\-/]{1,64}$/;
export const MAX_LABEL = 1000;
/** Deeper than any hierarchy the import settles (its recursion stops there); also keeps a level a 32-bit integer. */
export const MAX_LEVEL = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Labels are stored with their white space folded, as the import reads them: an export re-imports unchanged. */
export const normaliseLabel = (label: string): string => label.replace(/\s+/g, ' ').trim();

/** A real calendar day PostgreSQL can store (years 1 to 9999). */
export const isDay = (text: string): boolean => {
  if (!DAY.test(text) || text.startsWith('0000')) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
};

const hasNul = (value: unknown): boolean => typeof value === 'string' && value.includes('\0');

/**
 * The rules every stored entry keeps, checked the same way for an import's row and a steward's `upsertEntry`
 * (the hierarchy across entries is `hierarchyProblems`): what is published can always be imported back.
 * Made once per referential (an import checks a million rows against the same definitions).
 */
export function entryRules(referential: Pick<Referential, 'levels' | 'attributeDefinitions'>): (entry: EntryFields) => EntryProblem[] {
  const checkAttributes = attributeValidator(referential.attributeDefinitions, 'attributes');
  const depth = referential.levels.length || MAX_LEVEL;
  return (entry) => {
    const problems: EntryProblem[] = [];
    const nul =
      (['code', 'label', 'parentCode'] as const).find((f) => hasNul(entry[f])) ??
      (hasNul(entry.legalCells?.definedBy) || hasNul(entry.legalCells?.punishedBy) ? 'legalCells' : undefined) ??
      Object.keys(entry.attributes)
        .map((name) => `attributes.${name}`)
        .find((f) => hasNul(entry.attributes[f.slice(11)]));
    // PostgreSQL text cannot hold a NUL: said, never echoed.
    if (nul) return [{ field: nul, reason: 'contains a NUL character (byte 0), which no text field may hold' }];
    if (!entry.code) problems.push({ field: 'code', reason: 'code is empty' });
    else if (!ENTRY_CODE.test(entry.code)) problems.push({ field: 'code', reason: `"${entry.code}" is not a code (letters, digits, . _ - /; 64 at most)` });
    if (!entry.label) problems.push({ field: 'label', reason: 'label is empty' });
    else if (entry.label.length > MAX_LABEL) problems.push({ field: 'label', reason: `label is ${entry.label.length} characters long (${MAX_LABEL} at most)` });
    if (entry.parentCode !== null && entry.parentCode === entry.code) problems.push({ field: 'parentCode', reason: 'an entry cannot be its own parent' });
    if (entry.level !== null && (!Number.isInteger(entry.level) || entry.level < 1 || entry.level > depth)) {
      problems.push({
        field: 'level',
        reason: `level ${entry.level} is not between 1 and ${depth}${referential.levels.length ? ` (${referential.levels.join(', ')})` : ''}`,
      });
    }
    for (const field of ['validFrom', 'validTo'] as const) {
      const day = entry[field];
      if (day !== null && !isDay(day)) problems.push({ field, reason: `"${day}" is not a day between 0001-01-01 and 9999-12-31` });
    }
    if (entry.validFrom && entry.validTo && entry.validTo <= entry.validFrom)
      problems.push({ field: 'validTo', reason: `validTo ${entry.validTo} is not after validFrom ${entry.validFrom}` });
    try {
      checkAttributes(entry.attributes);
    } catch (error) {
      problems.push({ field: String((error as { field?: string }).field ?? 'attributes'), reason: (error as Error).message });
    }
    return problems;
  };
}
