import fc from 'fast-check';
import { getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';

/*
 * Values an attacker or a careless client sends. None of them contains the text the leak detectors look for
 * (hostile-answers.ts), so an answer that echoes one back is not mistaken for a leak.
 */

const b64 = (text: string): string => Buffer.from(text).toString('base64');

export const NUL_STRINGS = ['\u0000', 'NAC\u0000', 'a\u0000b', '\u0000'.repeat(64)];
export const UNICODE_EDGES = [
  '\uD800',
  '\uDC00abc',
  'a\uD83D',
  '\uDFFF\uD800', // lone surrogates
  '\u202Eevil\u202C',
  'שלום עולם',
  'مرحبا', // right-to-left
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z̴̡̛̙͎̈́a̷̧͔͊l̵̰͝g̶̣͑o̸̖͝', // combining marks
  '👨‍👩‍👧‍👦',
  '🙂',
  '🏳️‍🌈', // emoji, ZWJ sequences
  '\uFEFF',
  '\u200B',
  '\uFFFF',
  '\uFFFE',
  'İ',
  'ß',
  'ﬁ',
  'Ⅻ',
  '\u0085',
  '\r\n',
  '\t',
];
export const NUMBERISH = ['NaN', 'Infinity', '-Infinity', '-0', '1e309', '-1', '99999999999999999999', '0x10', '1.5', '', ' ', '\t\n'];
export const CURSORS = [
  '!!!',
  '=====',
  'W10=',
  'bnVsbA==',
  b64('["#", -1]'),
  b64('["#", "x"]'),
  b64('[1e400]'),
  b64('{"a":1}'),
  b64('["\u0000"]'),
  b64('["zzz", 1, 2, 3]'),
  b64('x'.repeat(3000)),
  'eyJ4Ijox',
  '%',
  '🙂',
  'Zm9v\u0000',
  '-1',
  '99999999999999999999',
];
export const INJECTIONS = [
  "' or '1'='1",
  "'; drop table referential; --",
  '$1',
  '?',
  '??',
  '\\',
  '\\x00',
  '%_%',
  '%',
  '_',
  '*',
  '.*',
  '(a+)+$',
  '[',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '..\\..\\windows',
  '${jndi:ldap://x}',
  '{"$ne":null}',
  '__proto__',
  'constructor',
  '& | ! <-> :*',
  "'':*",
];
export const DATES = [
  '0000-01-01',
  '10000-01-01',
  '9999-12-31',
  '0001-01-01',
  '-0001-01-01',
  '+002026-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  '1900-02-29',
  '2024-02-29',
  'today',
  '',
  '01/02/2026',
];
export const DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '2026-11-28T25:00:00Z',
  '1970-01-01T00:00:00Z',
  'not a date',
  '2026-11-28',
  '',
];
export const URLS = [
  'http://127.0.0.1:5432/',
  'http://localhost/',
  'http://[::1]/',
  'http://169.254.169.254/latest/meta-data/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'gopher://127.0.0.1:6379/_x',
  'https://93.184.215.14/hook',
  'http://[::ffff:127.0.0.1]/',
  'https://',
  'http://a b/',
  `https://example.org/${'a'.repeat(5000)}`,
];
/** Codes that exist in the demo data, so that hostile values also reach the code behind the first lookup. */
export const REAL = ['NATINF', 'NAC', 'SRJ', '20E', '2', '1', '100001', '7491', 'organisation', 'catalog', '01001', 'nac', 'natinf'];

/** Huge strings: past every sane length, below the body limit (a 1 MiB body is refused before it is read). */
const huge = fc
  .constantFrom(64 * 1024, 300 * 1024)
  .chain((n) => fc.constantFrom('x'.repeat(n), 'é'.repeat(n / 2), '🙂'.repeat(n / 4), `${'a'.repeat(n - 1)}\u0000`, '('.repeat(n)));

const anyCodeUnit = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 24 });

/** Text of every hostile kind; `hint` (the argument's name) adds what fits it (cursors, dates, URLs). */
export function hostileString(hint = ''): fc.Arbitrary<string> {
  const name = hint.toLowerCase();
  const fitting = [
    ...(/after|before|cursor|since/.test(name) ? CURSORS : []),
    ...(/url/.test(name) ? URLS : []),
    ...(/date|on$|at$|from$|to$|until/.test(name) ? DATES : []),
  ];
  const hostile = [...NUL_STRINGS, ...UNICODE_EDGES, ...NUMBERISH, ...INJECTIONS, ...CURSORS, ...DATES.slice(0, 3)];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...REAL) },
    { weight: 5, arbitrary: fc.constantFrom(...hostile) },
    ...(fitting.length ? [{ weight: 5, arbitrary: fc.constantFrom(...fitting) }] : []),
    { weight: 2, arbitrary: anyCodeUnit },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...REAL), fc.constantFrom(...NUL_STRINGS, ...UNICODE_EDGES, ...INJECTIONS)).map(([a, b]) => a + b) },
    { weight: 1, arbitrary: huge },
  );
}

const hostileInt = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, -1, 1, 2, 3, 100, 101, 1000, -2147483648, 2147483647) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(2147483648, 2 ** 53, -(2 ** 53), 1.5) }, // not a GraphQL Int: refused by coercion
);

const hostileFloat = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, -1e308, 5e-324));

/** JSON values: deep nesting, hostile keys and texts, big arrays. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', '', '\u0000', '$where', 'code', 'a'.repeat(2000), '🙂'), hostileString(), {
      maxKeys: 4,
    }),
  },
  // Just past the edge's MAX_JSON_DEPTH, and far past it (20 000 levels overflowed this process's own JSON.stringify).
  { weight: 1, arbitrary: fc.constantFrom(101, 3000).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10000 }, (_, i) => i)) },
);

/** A value of the wrong shape for its type: GraphQL's coercion must refuse it cleanly. */
const wrongShape = fc.constantFrom<unknown>('12', 1.5, true, [], {}, [[[]]], { a: { b: 1 } });

/** A hostile value for an argument of this type: mostly of the type, sometimes null or of the wrong shape. */
export function hostileValue(type: GraphQLInputType, hint = ''): fc.Arbitrary<unknown> {
  if (!isNonNullType(type)) {
    return fc.oneof(
      { weight: 6, arbitrary: ofType(type, hint) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  return fc.oneof(
    { weight: 12, arbitrary: ofType(getNullableType(type), hint) },
    { weight: 1, arbitrary: wrongShape },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function ofType(type: GraphQLInputType, hint: string): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = hostileValue(nullable.ofType, hint);
    // Long lists of small items (a long list of huge items is past the body limit: the same refusal every time).
    const small = item.filter((v) => (JSON.stringify(v) ?? '').length < 200);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) },
      { weight: 1, arbitrary: small.map((v) => Array.from({ length: 2000 }, () => v)) },
    );
  }
  if (isEnumType(nullable)) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...nullable.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: fc.constantFrom('NOPE', '', 'read') },
    );
  }
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, hostileValue(f.type, f.name)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  }
  switch (nullable.name) {
    case 'Int':
      return hostileInt;
    case 'Float':
      return hostileFloat;
    case 'Boolean':
      return fc.boolean();
    case 'LocalDate':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: hostileString() });
    case 'DateTimeISO':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...DATE_TIMES) }, { weight: 1, arbitrary: hostileString() });
    case 'JSON':
      return hostileJson;
    case 'JSONObject':
      return fc.oneof(
        { weight: 4, arbitrary: hostileJson.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v)) },
        { weight: 1, arbitrary: hostileJson },
      );
    default:
      return hostileString(hint); // String, ID and any other scalar
  }
}

/** A short, printable account of a value (huge strings and lists summarised), for failure reports. */
export function describeValue(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'string' && v.length > 60) return `${v.slice(0, 24)}…(${v.length} chars)`;
      if (Array.isArray(v) && v.length > 8) return [...v.slice(0, 3), `…(${v.length} items)`];
      return v;
    }) ?? 'undefined'
  );
}
