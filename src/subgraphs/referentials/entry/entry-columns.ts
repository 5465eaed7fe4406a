/** The table of entry versions and its columns, named once: the Entry entity maps them, the import's SQL writes them. */
export const ENTRY_TABLE = 'referential_entry';

export const ENTRY_COLUMN = {
  id: 'id',
  referentialCode: 'referential_code',
  code: 'code',
  label: 'label',
  parentCode: 'parent_code',
  level: 'level',
  attributes: 'attributes',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  recordedIn: 'recorded_in',
  supersededIn: 'superseded_in',
  legalCells: 'legal_cells',
  searchText: 'search_text',
  searchVector: 'search_vector',
} as const;

const c = ENTRY_COLUMN;

/** What a version says of its entry, in this order: what an import stages, compares and writes. */
export const VERSION_COLUMNS = [c.code, c.label, c.parentCode, c.level, c.attributes, c.validFrom, c.validTo, c.legalCells, c.searchText] as const;
export type VersionColumn = (typeof VERSION_COLUMNS)[number];

/** A version as plain SQL reads it, under its column names (exports, the draft's checks). */
export interface StoredVersion {
  code: string;
  label: string;
  parent_code: string | null;
  level: number;
  attributes: Record<string, unknown>;
  valid_from: string | null;
  valid_to: string | null;
  legal_cells: { definedBy?: string | null; punishedBy?: string | null } | null;
}

/** The columns whose change makes a new version (the code is the key; the search text follows from code and label). */
export const COMPARED_COLUMNS = [c.label, c.parentCode, c.level, c.attributes, c.validFrom, c.validTo, c.legalCells] as const;

/** SQL condition: `alias`'s row is a version of `referential` visible in `release` (both SQL expressions, e.g. `$1`, `$2`). */
export const visibleIn = (alias: string, referential: string, release: string): string =>
  `${alias}.${c.referentialCode} = ${referential} and ${alias}.${c.recordedIn} <= ${release} and (${alias}.${c.supersededIn} is null or ${alias}.${c.supersededIn} > ${release})`;
