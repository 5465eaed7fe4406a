/** Upper-case, accent-free, punctuation-free text: how French names are compared and searched. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/Œ/g, 'OE')
    .replace(/Æ/g, 'AE')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Escapes LIKE metacharacters so a user's `%` or `_` is searched literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
