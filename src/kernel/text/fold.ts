const unicodeFold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/Œ/g, 'OE')
    .replace(/Æ/g, 'AE');

/** ASCII but `^` and `` ` `` (the two ASCII diacritics): nothing to decompose, so no Unicode normalisation to pay. */
// eslint-disable-next-line no-control-regex -- the range is ASCII, which starts at NUL
const PLAIN = /^[\x00-\x5d\x5f\x61-\x7f]*$/;
/** Latin-1, Latin Extended-A and typographic punctuation: what French text is made of, folded one character at a time. */
const LATIN = /[\u0080-\u017f\u2000-\u206f]/g;
// eslint-disable-next-line no-control-regex -- the range is ASCII, which starts at NUL
const LATIN_ONLY = /^[\x00-\x5d\x5f\x61-\x7f\u0080-\u017f\u2000-\u206f]*$/;
// None of these decomposes to a combining mark first, so folding each one alone is folding the text (tests check every pair).
const LATIN_FOLDED = new Map(
  Array.from({ length: 0x2070 - 0x80 }, (_, i) => String.fromCharCode(0x80 + i))
    .filter((c) => c <= '\u017f' || c >= '\u2000')
    .map((c) => [c, unicodeFold(c)]),
);

/** Upper-case, accent-free, punctuation-free text: how French names are compared and searched. */
export function fold(text: string): string {
  const upper = PLAIN.test(text)
    ? text.toUpperCase()
    : LATIN_ONLY.test(text)
      ? text.replace(LATIN, (c) => LATIN_FOLDED.get(c)!).toUpperCase()
      : unicodeFold(text);
  return upper.replace(/[^A-Z0-9]+/g, ' ').trim();
}

/** The reference folding, through Unicode normalisation whatever the text: for tests of the shortcuts above. */
export const foldByNormalisation = (text: string): string =>
  unicodeFold(text)
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();

/** Escapes LIKE metacharacters so a user's `%` or `_` is searched literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
