import 'reflect-metadata';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { composeSupergraph, SCHEMA_DIR, SUPERGRAPH_FILE } from '../gateway/supergraph';
import { PROJECT_ROOT } from '../kernel/config';
import { subgraphs } from '../subgraphs';
import { removedFields, recentReaders } from '../kernel/usage/removed-fields-check';

/** Warns (never fails) when a field this change removes was read in the last 30 days, when a database is reachable. */
async function warnOfReadFieldsRemoved(before: string | null, after: string): Promise<void> {
  let removed: string[];
  try {
    removed = before ? removedFields(before, after) : [];
  } catch (error) {
    // A previous file that does not parse (a bad merge) cannot be compared: say so, and write the new one anyway.
    return console.warn(`the previous supergraph could not be compared: ${(error as Error).message}`);
  }
  if (!removed.length) return;
  const url = process.env.DATABASE_URL;
  if (!url) return console.warn(`removed from the schema: ${removed.join(', ')} (set DATABASE_URL to check who still reads them)`);
  try {
    for (const r of await recentReaders(url, removed))
      console.warn(`WARNING: ${r.coordinate} is removed, but ${r.client} read it ${r.requests} time(s) in the last 30 days (last ${r.lastSeen})`);
  } catch (error) {
    console.warn(`removed from the schema: ${removed.join(', ')}; observed usage not checked: ${(error as Error).message}`);
  }
}

/** `npm run schema`: writes schema/<subgraph>.graphql and schema/supergraph.graphql from the code. */
async function main(): Promise<void> {
  const composed = await composeSupergraph(subgraphs);
  await mkdir(SCHEMA_DIR, { recursive: true });
  for (const [name, sdl] of composed.subgraphs) {
    const file = join(SCHEMA_DIR, `${name}.graphql`);
    await writeFile(file, sdl);
    console.log(`wrote ${relative(PROJECT_ROOT, file)}`);
  }
  await warnOfReadFieldsRemoved(await readFile(SUPERGRAPH_FILE, 'utf8').catch(() => null), composed.supergraph);
  await writeFile(SUPERGRAPH_FILE, composed.supergraph);
  console.log(`wrote ${relative(PROJECT_ROOT, SUPERGRAPH_FILE)}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
