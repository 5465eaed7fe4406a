import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { today } from '../../../kernel/graphql/scalars';
import type { StoredVersion } from '../entry/entry-columns';
import type { Referential } from '../referential/referential.entity';
import { labelWithEndDate } from '../import/read/label-end-date';
import { defaultLayout, NAC_LAYOUT, NATINF_LAYOUT, type ColumnMapping } from '../import/read/layouts';

export interface ExportOptions {
  release: number;
  at?: string | null;
  format: 'csv' | 'json';
  /** Only entries not ended on that day (`valid_to` null or after it): what a layout without validity columns can say. */
  notEndedOn?: string | null;
}

type Row = StoredVersion;

const PAGE = 2_000;

/** The rows of a release (and day), by code, a page at a time (keyset): memory stays flat on a million entries. */
async function* rowsOf(em: EntityManager, referential: string, options: ExportOptions): AsyncGenerator<Row> {
  for (let after = ''; ;) {
    const rows = await em.execute<Row[]>(
      `select code, label, parent_code, level, attributes, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, legal_cells
       from referential_entry where referential_code = ? and recorded_in <= ? and (superseded_in is null or superseded_in > ?) and code > ?
       ${options.at ? 'and (valid_from is null or valid_from <= ?) and (valid_to is null or valid_to > ?)' : ''}
       ${options.notEndedOn ? 'and (valid_to is null or valid_to > ?)' : ''} order by code limit ${PAGE}`,
      [
        referential,
        options.release,
        options.release,
        after,
        ...(options.at ? [options.at, options.at] : []),
        ...(options.notEndedOn ? [options.notEndedOn] : []),
      ],
    );
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.code;
  }
}

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const layoutOf = (referential: Referential): ColumnMapping =>
  referential.code === 'NATINF' ? NATINF_LAYOUT : referential.code === 'NAC' ? NAC_LAYOUT : defaultLayout(referential.attributeDefinitions.map((d) => d.name));

/** The ministry's layout is unquoted (a `"` is text): only a value holding the separator or a line break is quoted. */
const officialCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The value of each column for a row, by the layout the import reads back. */
function csvLine(layout: ColumnMapping, header: string[], row: Row): string {
  const byColumn = new Map<string, unknown>([
    [layout.code, row.code],
    [layout.label, layout === NAC_LAYOUT ? labelWithEndDate(row.label, row.valid_to) : row.label],
    ...(layout.parentCode ? [[layout.parentCode, row.parent_code] as const] : []),
    ...(layout.level ? [[layout.level, row.level] as const] : []),
    ...(layout.validFrom ? [[layout.validFrom, row.valid_from] as const] : []),
    ...(layout.validTo ? [[layout.validTo, row.valid_to] as const] : []),
    ...(layout.definedBy ? [[layout.definedBy, row.legal_cells?.definedBy] as const] : []),
    ...(layout.punishedBy ? [[layout.punishedBy, row.legal_cells?.punishedBy] as const] : []),
    ...Object.entries(layout.attributes ?? {}).map(([name, column]) => [column, row.attributes[name]] as const),
  ]);
  const cell = layout === NATINF_LAYOUT ? officialCell : csvCell;
  return header.map((column) => cell(byColumn.get(column))).join(';');
}

/** Whether the layout a release is exported in can say an entry ended: validity columns, or NAC's end-date sentence in the label (NATINF's file cannot). */
export const carriesValidity = (referential: Referential, format: 'csv' | 'json'): boolean =>
  format === 'json' || Boolean(layoutOf(referential).validTo) || layoutOf(referential) === NAC_LAYOUT;

/**
 * Streams a release as CSV (the official layout where one exists: NATINF in latin-1 with CRLF, like the ministry's
 * file) or as a JSON array; what it writes, the import reads back as "no change". A layout that cannot say an
 * entry ended (NATINF's) lists only the entries not ended today (an ended one would come back "in force"). The first page is
 * read before the stream is returned, so a database refusal is an error to answer, not a broken stream; a later
 * failure errors the stream (never a silent end).
 */
export async function exportReferential(em: EntityManager, referential: Referential, asked: ExportOptions): Promise<Readable> {
  const options = { ...asked, notEndedOn: asked.notEndedOn ?? (!asked.at && !carriesValidity(referential, asked.format) ? today() : null) };
  const pages = rowsOf(em, referential.code, options);
  const head = await pages.next();
  const rows = (async function* () {
    if (head.done) return;
    yield head.value;
    yield* pages;
  })();
  if (options.format === 'json') {
    let first = true;
    return Readable.from(
      (async function* () {
        yield '[';
        for await (const row of rows) {
          yield `${first ? '' : ','}\n${JSON.stringify({
            code: row.code,
            label: row.label,
            parentCode: row.parent_code,
            level: row.level,
            attributes: row.attributes,
            validFrom: row.valid_from,
            validTo: row.valid_to,
            definedBy: row.legal_cells?.definedBy ?? undefined,
            punishedBy: row.legal_cells?.punishedBy ?? undefined,
          })}`;
          first = false;
        }
        yield '\n]\n';
      })(),
    );
  }
  const layout = layoutOf(referential);
  const header =
    referential.code === 'NATINF'
      ? ['Numéro NATINF', "Nature de l'infraction", "Qualification de l'infraction", 'Définie par', 'Réprimée par']
      : [
          layout.code,
          ...(layout.level ? [layout.level] : []),
          ...(layout.parentCode ? [layout.parentCode] : []),
          layout.label,
          ...(layout.validFrom ? [layout.validFrom, layout.validTo!] : []),
          ...Object.values(layout.attributes ?? {}),
          ...(layout.definedBy ? [layout.definedBy, layout.punishedBy!] : []),
        ];
  const latin1 = referential.code === 'NATINF';
  const newline = latin1 ? '\r\n' : '\n';
  // Encoded in the generator (not a piped Transform): an error of the rows reaches whoever consumes the stream.
  const encode = (text: string): Buffer => Buffer.from(text, latin1 ? 'latin1' : 'utf8');
  return Readable.from(
    (async function* () {
      let text = header.join(';') + newline;
      for await (const row of rows) {
        text += csvLine(layout, header, row) + newline;
        if (text.length >= 64 * 1024) {
          yield encode(text);
          text = '';
        }
      }
      yield encode(text);
    })(),
  );
}
