import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHandWrittenServer } from '../../bench/hand-written/server';
import { atQuery, BENCH_MAX_QUERY_COST, benchQueries, LARGE_LIST, NATINF_SIZED } from '../../bench/queries';
import { createSyntheticReferential, writeSyntheticFile } from '../../bench/synthetic';
import { importReferential } from '../../src/subgraphs/referentials/import/import-referential';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { startOneProcessServer } from '../../src/platform/servers';
import { testSecurity } from '../support/auth';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The bench's hand-written server is only a fair reference if it answers the mix exactly as the platform does. */
describe('the bench’s hand-written server', () => {
  let db: TestDatabase;
  let platform: HttpServer;
  let handWritten: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    // The two synthetic lists of the bench, small: 10,300 rows still reach the third level (legal references).
    for (const [code, rows] of [
      [NATINF_SIZED, 400],
      [LARGE_LIST, 10_300],
    ] as const) {
      const file = join(await mkdtemp(join(tmpdir(), 'rj-hand-written-')), `${code}.csv`);
      await writeSyntheticFile(file, rows);
      await importReferential(db.url, await createSyntheticReferential(db.orm.em.fork(), code), file, { publish: true });
    }
    const security = await testSecurity();
    platform = await startOneProcessServer(
      db.orm,
      { host: '127.0.0.1', port: 0 },
      { ...security, limits: { ...security.limits, maxCost: BENCH_MAX_QUERY_COST } },
    );
    handWritten = await startHandWrittenServer(db.url, 0);
  }, 120_000);
  afterAll(async () => {
    await handWritten?.stop();
    await platform?.stop();
    await db?.drop();
  });

  const answer = async (url: string, graphql: object): Promise<string> => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(graphql) });
    const body = JSON.stringify(await response.json());
    expect({ status: response.status, body }).toEqual({ status: 200, body });
    return body;
  };

  // The releases only shape the plain-SQL column; the GraphQL texts are the bench's own.
  const mix = benchQueries({ natinfSized: 0, large: 0 });
  // The bench's B1234 has no child at this size; B250 has one, C10150.
  const cases = mix.map((q) => [q.name, q.name.startsWith('`at`') ? atQuery(LARGE_LIST, 'B250') : q.graphql] as const);

  it.each(cases)('%s: the same JSON, field order included', async (name, graphql) => {
    const expected = await answer(platform.url, graphql);
    expect(expected).not.toContain('"errors"');
    // Something to compare: rows, except for the mix's search, whose two words no synthetic label holds together.
    if (!name.startsWith('search')) expect(expected).toMatch(/"code":"[^"]+"/);
    expect(await answer(handWritten.url, graphql)).toBe(expected);
  });
});
