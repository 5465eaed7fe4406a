import { parse } from 'csv-parse/sync';
import { DelimitedParser, DelimitedSyntaxError, MAX_RECORD_CHARS, type DelimitedRecord } from '../../src/subgraphs/referentials/import/read/delimited.parser';

/** Parses `text` fed in pieces of at most `piece` characters (0: in one go). */
const records = (text: string, piece = 0, delimiter = ';'): DelimitedRecord[] => {
  const parser = new DelimitedParser(delimiter);
  const out: DelimitedRecord[] = [];
  for (let at = 0; at < text.length; at += piece || text.length) out.push(...parser.push(text.slice(at, at + (piece || text.length))));
  out.push(...parser.end());
  return out;
};
const fields = (text: string, piece = 0) => records(text, piece).map((r) => r.fields);
const failure = (text: string): DelimitedSyntaxError => {
  try {
    records(text);
  } catch (error) {
    if (error instanceof DelimitedSyntaxError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
};

/** The options the import gave csv-parse before it had a parser of its own. */
const CSV_PARSE = {
  delimiter: ';',
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  trim: true,
  record_delimiter: ['\r\n', '\n'],
};

/** A seeded generator, so that a failing input can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('the delimited file parser', () => {
  it('gives each record the line it starts on, a quoted field running over several lines (LF or CRLF) included', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['code;label', 'A;"first', 'second', 'third"', '', 'B;"x""y"', 'C;plain'].join(eol) + eol;
      expect(records(text)).toEqual([
        { line: 1, fields: ['code', 'label'] },
        { line: 2, fields: ['A', `first${eol}second${eol}third`] },
        { line: 6, fields: ['B', 'x"y'] },
        { line: 7, fields: ['C', 'plain'] },
      ]);
    }
  });

  it('reads the same records whatever the chunks the text arrives in', () => {
    const text = '\uFEFFcode;label\r\n  A ;  "a ; b" \r\n\r\nB;"multi\r\nline ""quoted"""\r\n   \r\nC;un "guillemet" dedans\r\nD;last';
    const whole = records(text);
    expect(whole.map((r) => [r.line, r.fields])).toEqual([
      [1, ['code', 'label']],
      [2, ['A', 'a ; b']],
      [4, ['B', 'multi\r\nline "quoted"']],
      [7, ['C', 'un "guillemet" dedans']],
      [8, ['D', 'last']],
    ]);
    for (const piece of [1, 2, 3, 5, 7, 16]) expect(records(text, piece)).toEqual(whole);
  });

  it('reads what csv-parse read, with the options the import gave it, for any text both accept', () => {
    const next = random(20261123);
    const alphabet = ['a', 'é', ' ', '\t', ';', '"', '""', '\n', '\r\n', '\r', '\u00a0', 'bc'];
    let compared = 0;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = Math.floor(next() * 16); i > 0; i--) text += alphabet[Math.floor(next() * alphabet.length)];
      let expected: string[][];
      try {
        expected = parse(text, { ...CSV_PARSE }) as string[][];
      } catch {
        continue; // csv-parse refuses it: see below for the texts on which the two part ways
      }
      let actual: string[][];
      try {
        actual = fields(text, 1 + Math.floor(next() * 5));
      } catch (error) {
        // The one refusal csv-parse does not share: a second quoted part after an empty one ("" "x").
        expect(text).toMatch(/(^|[;\n])\s*""\s*"/);
        expect(error).toBeInstanceOf(DelimitedSyntaxError);
        continue;
      }
      expect([text, actual]).toEqual([text, expected]);
      compared++;
    }
    expect(compared).toBeGreaterThan(2500);
  });

  it('refuses a quote left open, naming the line it opens on, and text after a closing quote', () => {
    expect(failure('code;label\nA;ok\nB;"never closed\nC;x\n')).toMatchObject({ line: 3, message: 'a quote opened at line 3 is never closed' });
    expect(failure('code;label\nA;"a\nb"c;x\n')).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^text after the closing quote of field 2 at line 3/),
    });
  });

  it('gives up on a record longer than any real one instead of holding the rest of the file in memory', () => {
    const parser = new DelimitedParser(';');
    parser.push('code;label\nA;"open\n');
    const line = `${'x'.repeat(1023)}\n`;
    expect(() => {
      for (let i = 0; i <= MAX_RECORD_CHARS / line.length; i++) parser.push(line);
    }).toThrow(expect.objectContaining({ line: 2, message: expect.stringMatching(/^no end of record within/) }));
  });
});
