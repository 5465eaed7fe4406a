import { loadExchangeLinks } from '../exchanges/exchange/exchange-links';
import { referentialDirectory } from '../referentials/referential-directory.adapter';
import type { ExchangeDirectory } from './federation/exchange-directory';
import type { ReferentialDirectory } from './federation/referential-directory';

export interface CatalogPorts {
  referentials: ReferentialDirectory;
  exchanges: ExchangeDirectory;
}

/** Adapters to other subgraphs' data (same database today); the one place to change when a subgraph moves out. */
export const catalogPorts: CatalogPorts = {
  referentials: referentialDirectory,
  exchanges: { links: loadExchangeLinks },
};
