import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/kernel/config';
import { parseLegalCell } from '../../src/subgraphs/referentials/legal-reference/legal-reference-parser';
import { LegalTextKind } from '../../src/subgraphs/referentials/legal-reference/legal-text-kind.enum';

describe('parseLegalCell', () => {
  it('splits articles, paragraphs and texts of a "Définie par" cell', () => {
    const result = parseLegalCell('ART.L.234-1 §II,§V C.ROUTE.');
    expect(result).toEqual({
      parsed: true,
      articles: [
        {
          raw: 'ART.L.234-1 §II,§V C.ROUTE.',
          article: 'L.234-1',
          paragraphs: ['§II', '§V'],
          text: 'C.ROUTE.',
          textKind: LegalTextKind.CODE,
          codeMnemonic: 'C.ROUTE.',
          textNumber: null,
          textDate: null,
        },
      ],
    });
  });

  it('reads several texts in one cell, each closing its own group of articles', () => {
    const result = parseLegalCell('ART.L.163-2 AL.1, ART.L.163-6 AL.1, AL.2 C.M.F. ART.131-30 AL.1 C.PENAL.');
    if (!result.parsed) throw new Error('not parsed');
    expect(result.articles.map((a) => [a.article, a.paragraphs, a.codeMnemonic])).toEqual([
      ['L.163-2', ['AL.1'], 'C.M.F.'],
      ['L.163-6', ['AL.1', 'AL.2'], 'C.M.F.'],
      ['131-30', ['AL.1'], 'C.PENAL.'],
    ]);
  });

  it('recognises lois with their number and date', () => {
    const result = parseLegalCell('ART.56 LOI 48-1360 DU 01/09/1948.');
    if (!result.parsed) throw new Error('not parsed');
    expect(result.articles[0]).toMatchObject({ article: '56', textKind: LegalTextKind.LOI, textNumber: '48-1360', textDate: '1948-09-01', codeMnemonic: null });
  });

  it('keeps items and points as paragraphs', () => {
    const result = parseLegalCell('ART.L.421-4, ART.R.421-23 H), I) C.URBANISME.');
    if (!result.parsed) throw new Error('not parsed');
    expect(result.articles.map((a) => [a.article, a.paragraphs])).toEqual([
      ['L.421-4', []],
      ['R.421-23', ['H)', 'I)']],
    ]);
    const point = parseLegalCell('ART.R.215-14 §I 4° C.RURAL.');
    expect(point.parsed && point.articles[0].paragraphs).toEqual(['§I 4°']);
  });

  it('returns a cell it cannot read raw instead of guessing', () => {
    expect(parseLegalCell('voir circulaire du garde des Sceaux')).toEqual({ parsed: false, raw: 'voir circulaire du garde des Sceaux' });
    expect(parseLegalCell('ART.12 SANS TEXTE')).toEqual({ parsed: false, raw: 'ART.12 SANS TEXTE' });
    expect(parseLegalCell('  ')).toEqual({ parsed: true, articles: [] });
  });

  it('parses every cell of the real NATINF extract', () => {
    const file = join(loadConfig().dataDir, 'natinf-sample.csv');
    const lines = readFileSync(file, 'latin1').trim().split(/\r?\n/).slice(1);
    const cells = lines.flatMap((line) => line.split(';').slice(3, 5));
    expect(cells.length).toBeGreaterThan(0);
    const failed = cells.map(parseLegalCell).filter((r) => !r.parsed);
    expect(failed).toEqual([]);
  });
});
