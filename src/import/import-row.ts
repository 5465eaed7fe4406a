import { basename } from 'node:path';
import { attributeValidator } from '../subgraphs/referentials/entry/validate-attributes';
import { AttributeType } from '../subgraphs/referentials/referential/attribute-definition.type';
import type { Referential } from '../subgraphs/referentials/referential/referential.entity';
import type { IssueLog } from './import-issue';
import type { ColumnMapping } from './layouts';
import type { SourceRecord } from './read-source';

export interface ImportRow {
  line: number;
  code: string;
  label: string;
  parentCode: string | null;
  level: number | null;
  attributes: Record<string, unknown>;
  validFrom: string | null;
  validTo: string | null;
  legalCells: { definedBy: string | null; punishedBy: string | null } | null;
}

const CODE = /^[A-Za-z0-9._\-/]{1,64}$/;
const MAX_LABEL = 1000;
/** Deeper than any hierarchy the import settles (its recursion stops there); also keeps a level a 32-bit integer. */
export const MAX_LEVEL = 50;

/** "2026-01-31" or "31/01/2026" → "2026-01-31"; anything else (year 0 included: PostgreSQL has none) → undefined. */
export function parseDate(text: string): string | undefined {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const value = french ? `${french[3]}-${french[2]}-${french[1]}` : /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
  if (!value || value.startsWith('0000')) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

/**
 * The validation of one file's records into entry rows, or issues naming their line and column; what is the
 * same for every row (file name, attribute types, the attribute check) is worked out once, not per row.
 */
export function rowReader(path: string, mapping: ColumnMapping, referential: Referential, issues: IssueLog): (record: SourceRecord) => ImportRow | null {
  const file = basename(path);
  const attributeColumns = Object.entries(mapping.attributes ?? {}).map(([name, column]) => ({ name, column, type: referential.attributeDefinitions.find((d) => d.name === name)?.type }));
  const checkAttributes = attributeValidator(referential.attributeDefinitions, 'attributes');
  const depth = referential.levels.length;
  const columns = [mapping.code, mapping.label, mapping.parentCode, mapping.level, mapping.validFrom, mapping.validTo, mapping.definedBy, mapping.punishedBy, ...attributeColumns.map((a) => a.column)]
    .filter((c): c is string => Boolean(c));
  return (record) => {
    const before = issues.count;
    const problem = (column: string, reason: string) => issues.add({ file, line: record.line, column, reason });
    // PostgreSQL text cannot hold a NUL: named here, never echoed (the value itself could not be stored in the job either).
    const withNul = columns.find((c) => record.values[c]?.includes('\0'));
    if (withNul) {
      problem(withNul, 'contains a NUL character (byte 0), which no text field may hold');
      return null;
    }
    const get = (column: string | undefined) => (column ? (record.values[column] ?? '').trim() : '');
    const code = get(mapping.code);
    if (!code) problem(mapping.code, 'code is empty');
    else if (!CODE.test(code)) problem(mapping.code, `"${code}" is not a code (letters, digits, . _ - /; 64 at most)`);
    const label = get(mapping.label).replace(/\s+/g, ' ');
    if (!label) problem(mapping.label, 'label is empty');
    else if (label.length > MAX_LABEL) problem(mapping.label, `label is ${label.length} characters long (${MAX_LABEL} at most)`);
    const levelText = get(mapping.level);
    const level = levelText ? Number(levelText) : null;
    if (levelText && (!Number.isInteger(level) || level! < 1 || level! > (depth || MAX_LEVEL))) {
      problem(mapping.level!, `level "${levelText}" is not between 1 and ${depth || MAX_LEVEL}`);
    }
    const dates: Record<'validFrom' | 'validTo', string | null> = { validFrom: null, validTo: null };
    for (const field of ['validFrom', 'validTo'] as const) {
      const text = get(mapping[field]);
      if (!text) continue;
      const date = parseDate(text);
      if (!date) problem(mapping[field]!, `"${text}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
      else dates[field] = date;
    }
    if (dates.validFrom && dates.validTo && dates.validTo <= dates.validFrom) problem(mapping.validTo!, `validTo ${dates.validTo} is not after validFrom ${dates.validFrom}`);
    const attributes: Record<string, unknown> = {};
    for (const { name, column, type } of attributeColumns) {
      const text = get(column);
      if (!text) continue;
      attributes[name] = type === AttributeType.INTEGER ? Number(text) : type === AttributeType.BOOLEAN ? /^(true|1|oui|yes)$/i.test(text) : text;
    }
    try {
      checkAttributes(attributes);
    } catch (error) {
      const name = String((error as { field?: string }).field ?? '').split('.').pop() ?? '';
      problem(mapping.attributes?.[name] ?? name, (error as Error).message);
    }
    if (issues.count > before) return null;
    const definedBy = get(mapping.definedBy) || null;
    const punishedBy = get(mapping.punishedBy) || null;
    // No cell and two empty cells are the same thing: an entry without legal texts.
    const legal = definedBy || punishedBy ? { definedBy, punishedBy } : null;
    return { line: record.line, code, label, parentCode: get(mapping.parentCode) || null, level, attributes, ...dates, legalCells: legal };
  };
}
