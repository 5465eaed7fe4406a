import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config';

export const SCHEMA_DIR = join(PROJECT_ROOT, 'schema');
export const SUPERGRAPH_FILE = join(SCHEMA_DIR, 'supergraph.graphql');

/** The gateway serves the committed supergraph, never one composed at boot: what was reviewed is what runs. */
export const readCommittedSupergraph = (): Promise<string> => readFile(SUPERGRAPH_FILE, 'utf8');
