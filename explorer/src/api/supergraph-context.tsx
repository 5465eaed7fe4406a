import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { BASE } from '../router';
import { readSupergraph, type SupergraphModel } from './supergraph-model';

interface SupergraphState {
  model?: SupergraphModel;
  error?: string;
}

const SupergraphContext = createContext<SupergraphState>({});

/** Loads once the supergraph the gateway serves: the schema browser reads it, and views check their API is in it. */
export function SupergraphProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SupergraphState>({});
  useEffect(() => {
    fetch(`${BASE}api/supergraph.graphql`)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((sdl) => setState({ model: readSupergraph(sdl) }))
      .catch((e: Error) => setState({ error: e.message }));
  }, []);
  return <SupergraphContext.Provider value={state}>{children}</SupergraphContext.Provider>;
}

export const useSupergraph = (): SupergraphState => useContext(SupergraphContext);

/** The root fields a view needs that the served supergraph lacks; empty when the view can work. */
export function useMissingFields(required: readonly string[]): string[] | undefined {
  const { model } = useSupergraph();
  if (!model) return undefined;
  return required.filter((f) => !model.queryFields.has(f));
}
