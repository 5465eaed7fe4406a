import { pendingReferentialDirectory, type ReferentialDirectory } from './federation/referential-directory';

/** Adapters to other subgraphs' data; the referentials one is swapped for the real service once that subgraph is merged. */
export const catalogPorts: { referentials: ReferentialDirectory } = {
  referentials: pendingReferentialDirectory,
};
