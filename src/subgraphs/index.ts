import { changesSubgraph } from './changes/changes.subgraph';
import { catalogSubgraph } from './catalog/catalog.subgraph';
import { exchangesSubgraph } from './exchanges/exchanges.subgraph';
import { organisationSubgraph } from './organisation/organisation.subgraph';
import { referentialsSubgraph } from './referentials/referentials.subgraph';
import { securitySubgraph } from './security/security.subgraph';
import type { SubgraphDefinition } from './subgraph-definition';

/** Every subgraph of the platform, in composition order. */
export const subgraphs: readonly SubgraphDefinition[] = [
  organisationSubgraph,
  referentialsSubgraph,
  catalogSubgraph,
  exchangesSubgraph,
  securitySubgraph,
  changesSubgraph,
];

export function findSubgraph(name: string): SubgraphDefinition {
  const found = subgraphs.find((s) => s.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}"; known: ${subgraphs.map((s) => s.name).join(', ')}`);
  return found;
}
