import { referentialDirectory } from '../referentials/referential-directory.adapter';
import type { ReferentialDirectory } from './federation/referential-directory';

/** Adapters to other subgraphs' data (same database today); the one place to change when a subgraph moves out. */
export const catalogPorts: { referentials: ReferentialDirectory } = {
  referentials: referentialDirectory,
};
