import type { EntityManager } from '@mikro-orm/postgresql';
import { fold } from '../../../kernel/text/fold';
import { MAX_SEARCH_LENGTH } from '../../../kernel/text/search-words';
import { invalid } from '../referentials.exception';
import type { EntriesFilter } from './entries-filter.input';
import type { EntryView } from './entry.entity';
import { IN_RELEASE_SQL } from './entry-visibility';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** "conduite ivresse" → "conduite:* & ivresse:*": every word, as a prefix. Null when no word is left. */
export function toPrefixQuery(search: string): string | null {
  const words = fold(search).toLowerCase().split(' ').filter(Boolean);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** The WHERE clause (alias `e`) for a view and a filter; every value is a bound parameter. */
export function entryConditions(referentialCode: string, view: EntryView, filter: EntriesFilter = {}): SqlCondition {
  const parts = [IN_RELEASE_SQL];
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
    parts.push('e.level = ?');
    params.push(filter.level);
  }
  if (filter.attributes && Object.keys(filter.attributes).length) {
    parts.push('e.attributes @> ?::jsonb');
    params.push(JSON.stringify(filter.attributes));
  }
  if (filter.search !== undefined && filter.search !== null) {
    if (filter.search.length > MAX_SEARCH_LENGTH) throw invalid(`search has at most ${MAX_SEARCH_LENGTH} characters`, 'filter.search');
    const query = toPrefixQuery(filter.search);
    if (!query) throw invalid('search needs at least one letter or digit', 'filter.search');
    parts.push("e.search_vector @@ to_tsquery('simple', ?)");
    params.push(query);
  }
  return { sql: parts.join(' and '), params };
}

/** How many entries a condition selects: a connection's `totalCount`, computed only when asked. */
export async function countEntries(em: EntityManager, where: SqlCondition): Promise<number> {
  const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n from referential_entry e where ${where.sql}`, where.params);
  return Number(n);
}
