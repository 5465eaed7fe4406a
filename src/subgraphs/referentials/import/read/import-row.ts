import { basename } from 'node:path';
import { entryRules, isDay, MAX_LEVEL, normaliseLabel } from '../../entry/entry-rules';
import { AttributeType } from '../../referential/attribute-definition.type';
import type { Referential } from '../../referential/referential.entity';
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

/** "2026-01-31" or "31/01/2026" → "2026-01-31"; anything else (year 0 included: PostgreSQL has none) → undefined. */
export function parseDate(text: string): string | undefined {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const value = french ? `${french[3]}-${french[2]}-${french[1]}` : /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
  return value && isDay(value) ? value : undefined;
}

/**
 * The validation of one file's records into entry rows, or issues naming their line and column; what is the
 * same for every row (file name, attribute types, the attribute check) is worked out once, not per row.
 */
export function rowReader(path: string, mapping: ColumnMapping, referential: Referential, issues: IssueLog): (record: SourceRecord) => ImportRow | null {
  const file = basename(path);
  const attributeColumns = Object.entries(mapping.attributes ?? {}).map(([name, column]) => ({
    name,
    column,
    type: referential.attributeDefinitions.find((d) => d.name === name)?.type,
  }));
  // The rules a steward's edit is held to too: what is imported can be edited, and the reverse.
  const rules = entryRules(referential);
  const columnOf = (field: string): string | undefined =>
    field.startsWith('attributes.')
      ? (mapping.attributes?.[field.slice(11)] ?? field.slice(11))
      : (mapping as unknown as Record<string, string | undefined>)[field];
  const columns = [
    mapping.code,
    mapping.label,
    mapping.parentCode,
    mapping.level,
    mapping.validFrom,
    mapping.validTo,
    mapping.definedBy,
    mapping.punishedBy,
    ...attributeColumns.map((a) => a.column),
  ].filter((c): c is string => Boolean(c));
  return (record) => {
    const before = issues.count;
    const problem = (column: string | undefined, reason: string) => issues.add({ file, line: record.line, column, reason });
    // PostgreSQL text cannot hold a NUL: named here, never echoed (the value itself could not be stored in the job either).
    const withNul = columns.find((c) => record.values[c]?.includes('\0'));
    if (withNul) {
      problem(withNul, 'contains a NUL character (byte 0), which no text field may hold');
      return null;
    }
    const get = (column: string | undefined) => (column ? (record.values[column] ?? '').trim() : '');
    // Text that is not a value of its type is said here; every other rule is the shared one's.
    const levelText = get(mapping.level);
    const level = levelText ? Number(levelText) : null;
    if (levelText && !Number.isInteger(level)) problem(mapping.level, `level "${levelText}" is not between 1 and ${referential.levels.length || MAX_LEVEL}`);
    const dates: Record<'validFrom' | 'validTo', string | null> = { validFrom: null, validTo: null };
    for (const field of ['validFrom', 'validTo'] as const) {
      const text = get(mapping[field]);
      if (!text) continue;
      const date = parseDate(text);
      if (!date) problem(mapping[field], `"${text}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
      else dates[field] = date;
    }
    const attributes: Record<string, unknown> = {};
    for (const { name, column, type } of attributeColumns) {
      const text = get(column);
      if (!text) continue;
      attributes[name] = type === AttributeType.INTEGER ? Number(text) : type === AttributeType.BOOLEAN ? /^(true|1|oui|yes)$/i.test(text) : text;
    }
    if (issues.count > before) return null;
    const definedBy = get(mapping.definedBy) || null;
    const punishedBy = get(mapping.punishedBy) || null;
    // No cell and two empty cells are the same thing: an entry without legal texts.
    const legal = definedBy || punishedBy ? { definedBy, punishedBy } : null;
    const row: ImportRow = {
      line: record.line,
      code: get(mapping.code),
      label: normaliseLabel(get(mapping.label)),
      parentCode: get(mapping.parentCode) || null,
      level,
      attributes,
      ...dates,
      legalCells: legal,
    };
    const problems = rules(row);
    for (const p of problems) problem(columnOf(p.field) ?? p.field, p.reason);
    return problems.length ? null : row;
  };
}
