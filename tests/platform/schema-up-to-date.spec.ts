import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeSupergraph, SCHEMA_DIR, SUPERGRAPH_FILE } from '../../src/gateway/supergraph';
import { subgraphs } from '../../src/subgraphs';

/** The gateway serves the committed supergraph: it must be what the code composes today. */
describe('committed schema/', () => {
  it('matches the SDL the code produces (run `npm run schema` after changing the API)', async () => {
    const composed = await composeSupergraph(subgraphs);
    for (const [name, sdl] of composed.subgraphs) {
      expect({ file: `${name}.graphql`, sdl: await readFile(join(SCHEMA_DIR, `${name}.graphql`), 'utf8') }).toEqual({ file: `${name}.graphql`, sdl });
    }
    expect(await readFile(SUPERGRAPH_FILE, 'utf8')).toBe(composed.supergraph);
  });
});
