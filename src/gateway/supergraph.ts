import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { PROJECT_ROOT } from '../kernel/config';
import type { SubgraphDefinition } from '../subgraphs/subgraph-definition';

export const SCHEMA_DIR = join(PROJECT_ROOT, 'schema');
export const SUPERGRAPH_FILE = join(SCHEMA_DIR, 'supergraph.graphql');

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
  const result = composeServices(
    definitions.map((d) => ({ name: d.name, url: subgraphUrl(d), typeDefs: parse(subgraphs.get(d.name)!) })),
  );
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { subgraphs, supergraph: result.supergraphSdl };
}

/** The gateway serves the committed supergraph, never one composed at boot: what was reviewed is what runs. */
export const readCommittedSupergraph = (): Promise<string> => readFile(SUPERGRAPH_FILE, 'utf8');
