import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../subgraphs/subgraph-definition';

// Defined in the kernel: the catalog's observed usage reads the supergraph too, and subgraphs import no gateway code.
export { SCHEMA_DIR, SUPERGRAPH_FILE, readCommittedSupergraph } from '../kernel/federation/committed-supergraph';

export const subgraphUrl = (subgraph: SubgraphDefinition): string => `http://127.0.0.1:${subgraph.defaultPort}/graphql`;

export interface ComposedSchemas {
  /** `schema/<name>.graphql` contents, by subgraph name. */
  subgraphs: Map<string, string>;
  supergraph: string;
}

/** Prints every subgraph's SDL from the code and composes them; throws with every composition error. */
export async function composeSupergraph(definitions: readonly SubgraphDefinition[]): Promise<ComposedSchemas> {
  const subgraphs = new Map<string, string>();
  for (const definition of definitions) subgraphs.set(definition.name, printSubgraphSchema(await definition.buildSchema()));
  const result = composeServices(definitions.map((d) => ({ name: d.name, url: subgraphUrl(d), typeDefs: parse(subgraphs.get(d.name)!) })));
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { subgraphs, supergraph: result.supergraphSdl };
}
