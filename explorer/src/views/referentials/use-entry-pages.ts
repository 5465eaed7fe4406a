import { useCallback, useEffect, useRef, useState } from 'react';
import { graphql } from '../../api/graphql';
import { ENTRY_PAGE, PAGE_SIZE, type EntryPage, type EntrySummary } from './operations';

export interface EntryPages {
  rows: EntrySummary[];
  totalCount?: number;
  hasMore: boolean;
  loading: boolean;
  error?: Error;
  loadMore: () => void;
}

/** A search's results, fetched a page at a time (cursor) as the list asks for more; a new search cancels the old. */
export function useEntryPages(referential: string, search: string): EntryPages {
  const [state, setState] = useState<Omit<EntryPages, 'loadMore'> & { cursor: string | null }>({ rows: [], hasMore: true, loading: false, cursor: null });
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    (after: string | null, reset: boolean) => {
      const mine = ++generation.current;
      inFlight.current = true;
      setState((s) => ({ ...s, loading: true, ...(reset ? { rows: [], totalCount: undefined, hasMore: true, cursor: null } : {}) }));
      graphql<EntryPage>(ENTRY_PAGE, { referential, search: search || null, after, first: PAGE_SIZE }).then(
        ({ entries }) => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setState((s) => ({
            rows: [...(reset ? [] : s.rows), ...entries.edges.map((e) => e.node)],
            totalCount: entries.totalCount,
            hasMore: entries.pageInfo.hasNextPage,
            cursor: entries.pageInfo.endCursor,
            loading: false,
          }));
        },
        (error: Error) => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setState((s) => ({ ...s, error, loading: false, hasMore: false }));
        },
      );
    },
    [referential, search],
  );

  useEffect(() => fetchPage(null, true), [fetchPage]);

  const loadMore = useCallback(() => {
    if (!inFlight.current && state.hasMore && state.cursor) fetchPage(state.cursor, false);
  }, [fetchPage, state.hasMore, state.cursor]);

  return { rows: state.rows, totalCount: state.totalCount, hasMore: state.hasMore, loading: state.loading, error: state.error, loadMore };
}
