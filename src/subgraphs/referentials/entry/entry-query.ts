import type { EntityManager } from '@mikro-orm/postgresql';
import { fold } from '../../../kernel/text/fold';
import { MAX_SEARCH_LENGTH } from '../../../kernel/text/search-words';
import { invalid } from '../referentials.exception';
import type { EntriesFilter } from './entries-filter.input';
import type { EntryView } from './entry.entity';
import { IN_RELEASE_OF_MATCHES_SQL, IN_RELEASE_SQL } from './entry-visibility';
import { termCondition } from './entry-vocabulary';
import { readRows } from '../../../kernel/database/read-rows';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** "Conduite d'ivresse" → ["conduite", "d", "ivresse"]: the folded words a search matches, each as a prefix. */
const searchWordsOf = (search: string): string[] => fold(search).toLowerCase().split(' ').filter(Boolean);

/**
 * The tsquery of a search in one referential (`'NATINF|conduite':* & 'NATINF|ivresse':*`), built by the database
 * from the words as values: it matches only that referential's index keys, and no character of a word is syntax.
 */
export const searchQuery = (referentialCode: string, words: string[]): SqlCondition => ({
  sql: "referential_search_query(?, string_to_array(?, ' '))",
  params: [referentialCode, words.join(' ')],
});

/** The WHERE clause (alias `e`) for a view and a filter; every value is a bound parameter. */
export interface EntryConditions extends SqlCondition {
  /** When searching: the tsquery the condition matches, for ranking by relevance. */
  search?: SqlCondition;
}

export function entryConditions(referentialCode: string, view: EntryView, filter: EntriesFilter = {}): EntryConditions {
  const searched = filter.search ?? null;
  const parts = [searched !== null ? IN_RELEASE_OF_MATCHES_SQL : IN_RELEASE_SQL];
  const params: unknown[] = [referentialCode, view.release, view.release];
  if (view.at) {
    parts.push('(e.valid_from is null or e.valid_from <= ?) and (e.valid_to is null or e.valid_to > ?)');
    params.push(view.at, view.at);
  }
  if (filter.parentCode) {
    parts.push('e.parent_code = ?');
    params.push(filter.parentCode);
  }
  if (filter.level !== undefined && filter.level !== null) {
    // The column is a smallint: a larger number would reach PostgreSQL and fail there.
    if (filter.level < 0 || filter.level > 32767) throw invalid('level is between 0 and 32767', 'filter.level');
    parts.push('e.level = ?');
    params.push(filter.level);
  }
  if (filter.attributes && Object.keys(filter.attributes).length) {
    parts.push('e.attributes @> ?::jsonb');
    params.push(JSON.stringify(filter.attributes));
  }
  const term = termCondition(filter.category, filter.class);
  if (term) {
    parts.push(term.sql);
    params.push(...term.params);
  }
  let search: SqlCondition | undefined;
  if (searched !== null) {
    if (searched.length > MAX_SEARCH_LENGTH) throw invalid(`search has at most ${MAX_SEARCH_LENGTH} characters`, 'filter.search');
    const words = searchWordsOf(searched);
    if (!words.length) throw invalid('search needs at least one letter or digit', 'filter.search');
    search = searchQuery(referentialCode, words);
    parts.push(`e.search_vector @@ ${search.sql}`);
    params.push(...search.params);
  }
  return { sql: parts.join(' and '), params, search };
}

/** How many entries a condition selects: a connection's `totalCount`, computed only when asked. */
export async function countEntries(em: EntityManager, where: SqlCondition): Promise<number> {
  const [{ n }] = await readRows<{ n: string }>(em, `select count(*) as n from referential_entry e where ${where.sql}`, where.params);
  return Number(n);
}
