import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { composeSupergraph, SCHEMA_DIR, SUPERGRAPH_FILE } from '../gateway/supergraph';
import { PROJECT_ROOT } from '../kernel/config';
import { subgraphs } from '../subgraphs';

/** `npm run schema`: writes schema/<subgraph>.graphql and schema/supergraph.graphql from the code. */
async function main(): Promise<void> {
  const composed = await composeSupergraph(subgraphs);
  await mkdir(SCHEMA_DIR, { recursive: true });
  for (const [name, sdl] of composed.subgraphs) {
    const file = join(SCHEMA_DIR, `${name}.graphql`);
    await writeFile(file, sdl);
    console.log(`wrote ${relative(PROJECT_ROOT, file)}`);
  }
  await writeFile(SUPERGRAPH_FILE, composed.supergraph);
  console.log(`wrote ${relative(PROJECT_ROOT, SUPERGRAPH_FILE)}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
