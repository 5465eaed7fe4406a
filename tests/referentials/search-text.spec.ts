import { fold, foldByNormalisation } from '../../src/kernel/text/fold';
import { searchTextOf } from '../../src/subgraphs/referentials/entry/search-text';

describe('folding text for search', () => {
  it('drops accents, case and punctuation, plain ASCII and accented text alike', () => {
    expect(fold('Conduite d’un véhicule — Œuvre, ÆTHER')).toBe('CONDUITE D UN VEHICULE OEUVRE AETHER');
    expect(fold('  CONDUITE/VEHICULE-2 ')).toBe('CONDUITE VEHICULE 2');
    // `^` and `` ` `` are the two ASCII diacritics: dropped like accents, not turned into spaces.
    expect(fold('a^b`c')).toBe('ABC');
    expect(fold('Straße e\u0301te\u0301 Ωmega')).toBe('STRASSE ETE MEGA');
    expect(searchTextOf('C.12/3', 'Vol aggravé')).toBe('vol aggrave c 12 3');
  });

  it('folds as Unicode normalisation does, for every character and every pair of the characters it folds one by one', () => {
    const chars = Array.from({ length: 0x2100 }, (_, i) => String.fromCharCode(i));
    for (const c of chars) expect([c, fold(`a${c}b`)]).toEqual([c, foldByNormalisation(`a${c}b`)]);
    const latin = chars.filter((c) => (c >= '\u0080' && c <= '\u017f') || (c >= '\u2000' && c <= '\u206f') || c === 'e' || c === '^');
    let mismatches = 0;
    for (const a of latin) for (const b of latin) if (fold(a + b) !== foldByNormalisation(a + b)) mismatches++;
    expect(mismatches).toBe(0);
  });
});
