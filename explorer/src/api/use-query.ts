import { useEffect, useState } from 'react';
import { graphql } from './graphql';

export interface QueryState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
}

/** Runs an operation whenever its variables change; a newer run aborts the older one (typing in a search box). */
export function useQuery<T>(query: string, variables: Record<string, unknown>, skip = false): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ loading: !skip });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return void setState({ loading: false });
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    graphql<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [query, key, skip]);
  return state;
}

/** A value that settles `ms` after the last change: one request per pause in typing, not per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
