import { useEffect, useState } from 'react';
import { usageQuery } from '../../api/usage-query';
import { OBSERVED_READERS, USAGE_REFERENTIALS, type ObservedReader } from './observed-usage-colouring';

export interface ObservedUsage {
  /** Every referential, by code: its name. */
  referentials: Map<string, string>;
  /** Readers of each referential, declared or observed. */
  readers: Map<string, ObservedReader[]>;
}

export type ObservedUsageState = { state: 'off' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; usage: ObservedUsage };

/** Readers of every referential, loaded while the colouring is on; again when the token changes. */
export function useObservedUsage(enabled: boolean, authorization?: string): ObservedUsageState {
  const [loaded, setLoaded] = useState<ObservedUsageState>({ state: 'off' });
  useEffect(() => {
    if (!enabled) return void setLoaded({ state: 'off' });
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    (async () => {
      const { referentials } = await usageQuery<{ referentials: { code: string; name: string }[] }>(USAGE_REFERENTIALS, {}, authorization, abort.signal);
      const usages = await Promise.all(
        referentials.map((r) =>
          usageQuery<{ referentialUsage: { readers: ObservedReader[] } }>(OBSERVED_READERS, { referential: r.code }, authorization, abort.signal),
        ),
      );
      return {
        referentials: new Map(referentials.map((r) => [r.code, r.name])),
        readers: new Map(referentials.map((r, i) => [r.code, usages[i].referentialUsage.readers])),
      };
    })().then(
      (usage) => setLoaded({ state: 'ok', usage }),
      (error: Error) => abort.signal.aborted || setLoaded({ state: 'error', message: error.message }),
    );
    return () => abort.abort();
  }, [enabled, authorization]);
  return loaded;
}
