import { readFile } from 'node:fs/promises';

/** Where each field of an entry is read from, by column name. */
export interface ColumnMapping {
  code: string;
  label: string;
  parentCode?: string;
  level?: string;
  validFrom?: string;
  validTo?: string;
  definedBy?: string;
  punishedBy?: string;
  /** Attribute name → column. */
  attributes?: Record<string, string>;
}

export type ImportFormat = 'natinf' | 'nac' | 'csv' | 'json';

/** The ministry's quarterly NATINF file. */
export const NATINF_LAYOUT: ColumnMapping = {
  code: 'Numéro NATINF',
  label: "Qualification de l'infraction",
  definedBy: 'Définie par',
  punishedBy: 'Réprimée par',
  attributes: { nature: "Nature de l'infraction" },
};

/** nac.csv: code;niveau;parent;libelle. */
export const NAC_LAYOUT: ColumnMapping = { code: 'code', label: 'libelle', parentCode: 'parent', level: 'niveau' };

/** What `export` writes for other lists, and what `--format csv` reads without a mapping file. */
export const defaultLayout = (attributeNames: readonly string[]): ColumnMapping => ({
  code: 'code',
  label: 'label',
  parentCode: 'parent_code',
  level: 'level',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  definedBy: 'defined_by',
  punishedBy: 'punished_by',
  attributes: Object.fromEntries(attributeNames.map((n) => [n, n])),
});

/** What `export --format json` writes: camelCase fields, attributes in an object. */
export const jsonLayout = (attributeNames: readonly string[]): ColumnMapping => ({
  code: 'code',
  label: 'label',
  parentCode: 'parentCode',
  level: 'level',
  validFrom: 'validFrom',
  validTo: 'validTo',
  definedBy: 'definedBy',
  punishedBy: 'punishedBy',
  attributes: Object.fromEntries(attributeNames.map((n) => [n, `attributes.${n}`])),
});

export async function readMappingFile(path: string): Promise<ColumnMapping> {
  const mapping = JSON.parse(await readFile(path, 'utf8')) as Partial<ColumnMapping>;
  if (typeof mapping.code !== 'string' || typeof mapping.label !== 'string')
    throw new Error(`${path}: a mapping names at least the "code" and "label" columns`);
  return mapping as ColumnMapping;
}

export const formatFor = (referential: string, file: string): ImportFormat =>
  referential === 'NATINF' ? 'natinf' : referential === 'NAC' ? 'nac' : file.toLowerCase().endsWith('.json') ? 'json' : 'csv';

/** The layout an import reads: the mapping file when one is given, otherwise the format's own. */
export async function importLayout(format: ImportFormat, attributeNames: readonly string[], mappingFile?: string): Promise<ColumnMapping> {
  if (mappingFile) return readMappingFile(mappingFile);
  if (format === 'natinf') return NATINF_LAYOUT;
  if (format === 'nac') return NAC_LAYOUT;
  return (format === 'json' ? jsonLayout : defaultLayout)(attributeNames);
}
