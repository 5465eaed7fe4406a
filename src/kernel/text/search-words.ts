import { InputException, InputExceptionCode } from '../errors/input.exception';
import { fold } from './fold';

/** Longer than any name or label searched: a bound on the work one search string can cause. */
export const MAX_SEARCH_LENGTH = 200;

/** The folded words of a search string; refuses one too long, or with no letter or digit (it would match anything). */
export function searchWords(search: string, field: string): string[] {
  if (search.length > MAX_SEARCH_LENGTH)
    throw new InputException(`${field} has at most ${MAX_SEARCH_LENGTH} characters`, InputExceptionCode.INVALID_ARGUMENT, field);
  const words = fold(search).split(' ').filter(Boolean);
  if (!words.length) throw new InputException(`${field} needs at least one letter or digit`, InputExceptionCode.INVALID_ARGUMENT, field);
  return words;
}
