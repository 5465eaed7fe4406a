import fc from 'fast-check';
import { DATES, INJECTIONS, NUL_STRINGS, UNICODE_EDGES } from './hostile-values';

/** An uploaded body, and what the client says it is. */
export interface HostileFile {
  name: string;
  type: string;
  bytes: Buffer;
}

const NAC_HEADER = 'code;niveau;parent;libelle';
const NATINF_HEADER = "Numéro NATINF;Nature de l'infraction;Qualification de l'infraction;Définie par;Réprimée par";
const LIST_HEADER = 'code;label;parent_code;level;valid_from;valid_to';

const utf8 = (name: string, text: string, type = 'text/csv'): HostileFile => ({ name, type, bytes: Buffer.from(text, 'utf8') });

/** Well-formed files first, so that cutting them and corrupting them produces every kind of truncation. */
const WELL_FORMED = [
  `${NAC_HEADER}\n1;1;;Droit des personnes\n10;2;1;Nationalité\n`,
  `${LIST_HEADER}\nA;Alpha;;0;2020-01-01;\nB;Beta;A;1;;2030-01-01\n`,
  '[{"code":"A","label":"Alpha"},{"code":"B","label":"Beta","parentCode":"A","validFrom":"2020-01-01"}]',
];

const FIXED: HostileFile[] = [
  utf8('empty', ''),
  utf8('a BOM alone', '\uFEFF'),
  utf8('a newline alone', '\n'),
  utf8('CR alone', '\r'),
  utf8('JSON [', '[', 'application/json'),
  utf8('JSON null', 'null', 'application/json'),
  utf8('JSON object', '{"code":"A"}', 'application/json'),
  utf8('JSON numbers', '[1,2,3]', 'application/json'),
  utf8('JSON NUL code', '[{"code":"\\u0000","label":"x"}]', 'application/json'),
  utf8('JSON lone surrogate', '[{"code":"A","label":"\\ud800"}]', 'application/json'),
  utf8('JSON deep', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'),
  utf8('header only', `${NAC_HEADER}\n`),
  utf8('NATINF header only', `${NATINF_HEADER}\r\n`),
  utf8('unbalanced quote', `${NAC_HEADER}\n"1;1;;Droit\n`),
  utf8('wrong column count', `${NAC_HEADER}\n1;1\n2;2;1;x;y;z\n`),
  utf8('ten thousand columns', `${NAC_HEADER}\n${Array(10000).fill('x').join(';')}\n`),
  utf8('one huge line', `${NAC_HEADER}\n1;1;;${'x'.repeat(300_000)}\n`),
  utf8('no newline, huge', 'x'.repeat(400_000)),
  { name: 'UTF-16LE with BOM', type: 'text/csv', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${NAC_HEADER}\n1;1;;Droit\n`, 'utf16le')]) },
  {
    name: 'invalid UTF-8',
    type: 'text/csv',
    bytes: Buffer.concat([Buffer.from(`${NAC_HEADER}\n1;1;;Droit `), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('\n')]),
  },
  {
    name: 'latin-1 NATINF',
    type: 'text/csv',
    bytes: Buffer.from(`${NATINF_HEADER}\r\n7;Délit;VOL À L'ÉTALAGE;ART.311-1 C.PENAL.;ART.311-3 C.PENAL.\r\n`, 'latin1'),
  },
];

/** Rows whose cells carry the hostile values: NUL, year 0 and 10000 dates, unicode edges, injections. */
const hostileRows = fc
  .array(fc.constantFrom(...NUL_STRINGS, ...UNICODE_EDGES, ...INJECTIONS, ...DATES, '-5', '99999999999', ''), { minLength: 1, maxLength: 6 })
  .map((cells) => [
    utf8('NAC with hostile cells', `${NAC_HEADER}\n1;1;;Droit\n${cells.join(';')}\n2;1;;${cells[0]}\n`),
    utf8('list with hostile dates', `${LIST_HEADER}\nA;Alpha;;0;${cells[0]};${cells[1] ?? ''}\n`),
    utf8(
      'JSON with hostile values',
      JSON.stringify([{ code: cells[0], label: cells[1] ?? 'x', level: -5, validFrom: cells[2] ?? '0000-01-01', attributes: { nature: cells[0] } }]),
      'application/json',
    ),
  ]);

export const hostileFiles: fc.Arbitrary<HostileFile> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FIXED) },
  { weight: 3, arbitrary: hostileRows.chain((files) => fc.constantFrom(...files)) },
  // A well-formed file cut anywhere: mid-row, mid-quote, mid-multibyte character.
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...WELL_FORMED), fc.nat()).map(([text, n]) => ({
      name: 'truncated',
      type: text.startsWith('[') ? 'application/json' : 'text/csv',
      bytes: Buffer.from(text).subarray(0, n % Buffer.byteLength(text)),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ name: 'random bytes', type: 'application/octet-stream', bytes: Buffer.from(bytes) })),
  },
);

/** The referential in the path: real ones, and what a path segment should never hold. */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('NATINF', 'NAC', 'nac', 'SRJ') },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('\u0000', 'NAC\u0000', '🙂', 'x'.repeat(3000), "'; drop table referential; --", '%', '\u202E', 'NAC ', ' ')
      .map(encodeURIComponent),
  },
  // Bytes no text encodes to: a lone surrogate as UTF-8, a byte that is never UTF-8, a cut escape.
  { weight: 1, arbitrary: fc.constantFrom('%ED%A0%80', 'NAC%FF', '%C3', '%E0%80%AF', '%') },
);

const param = (name: string, values: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.option(values, { nil: undefined }).map((v) => (v === undefined ? '' : `${name}=${encodeURIComponent(v)}`));

const query = (...params: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
  fc.tuple(...params).map((parts) => {
    const given = parts.filter(Boolean);
    return given.length ? `?${given.join('&')}` : '';
  });

const HOSTILE_PARAM = ['', '\u0000', 'x'.repeat(5000), '🙂', "' or 1=1", '[]', 'true\u0000'];

export const hostileImportQuery: fc.Arbitrary<string> = query(
  param('format', fc.constantFrom('csv', 'json', 'natinf', 'nac', 'xml', ...HOSTILE_PARAM)),
  param(
    'filename',
    fc.constantFrom('natinf.csv', '../../etc/passwd', '..\\..\\x.csv', 'a\u0000b.csv', '🙂.csv', '.', '..', 'x'.repeat(10000), ...HOSTILE_PARAM),
  ),
  param('publish', fc.constantFrom('true', 'false', 'yes', ...HOSTILE_PARAM)),
  param('dryRun', fc.constantFrom('true', 'false', ...HOSTILE_PARAM)),
  param('skipInvalid', fc.constantFrom('true', ...HOSTILE_PARAM)),
);

export const hostileExportQuery: fc.Arbitrary<string> = query(
  param('format', fc.constantFrom('csv', 'json', 'xml', ...HOSTILE_PARAM)),
  param('release', fc.constantFrom('1', '2', '0', '-1', 'abc', '1e309', '99999999999', '2.5', '0x1', 'NaN', ...HOSTILE_PARAM)),
  param('at', fc.constantFrom(...DATES, ...HOSTILE_PARAM)),
);
