import { Client } from 'pg';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { startSubgraphServer } from '../../src/platform/servers';
import { organisationSubgraph } from '../../src/subgraphs/organisation/organisation.subgraph';
import { referentialsSubgraph } from '../../src/subgraphs/referentials/referentials.subgraph';
import { bearer, Role, testSecurity } from '../support/auth';
import { useTestServer } from '../support/test-server';

/** The one error form, as /graphql answers: one error, a message, the code and the details that locate the fault. */
async function expectRefusal(response: Response, status: number, extensions: Record<string, unknown>): Promise<void> {
  expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status, type: expect.stringMatching(/^application\/json/) });
  expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions }] });
}

/** Every HTTP route beside /graphql answers its errors in the form and with the status /graphql gives them. */
describe('HTTP errors: one form on every route', () => {
  const t = useTestServer('demo', undefined, { allowIde: true });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.server.url}${path}`, { headers });
  const upload = async (referential: string, query = '', authorization?: string) =>
    fetch(`${t.server.url}/imports/${referential}${query}`, {
      method: 'POST',
      headers: { authorization: authorization ?? (await bearer([Role.STEWARD], [referential])) },
      body: 'code;niveau;parent;libelle\n',
    });

  it('serves the API at every path Express matched before (query string, sub-path, any case), and nothing else', async () => {
    const post = (path: string, body = '{"query":"{ courts(first: 1) { totalCount } }"}') =>
      fetch(`${t.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const path of ['/graphql', '/graphql?x=1', '/GraphQL', '/graphql/']) {
      const response = await post(path);
      expect({ path, status: response.status, body: await response.json() }).toEqual({
        path,
        status: 200,
        body: { data: { courts: { totalCount: expect.any(Number) } } },
      });
    }
    await expectRefusal(await post('/graphqlx'), 404, { code: 'NOT_FOUND' });
    await expectRefusal(await post('/graphql', '{"query": '), 400, { code: 'BAD_REQUEST' });
    await expectRefusal(await post('/graphql', '[1, 2'), 400, { code: 'BAD_REQUEST' });
  });

  it('the import route: credentials, an unknown referential, a bad parameter, a refused import', async () => {
    await expectRefusal(await upload('NAC', '', ''), 401, { code: 'UNAUTHENTICATED' });
    await expectRefusal(await upload('NAC', '', await bearer([Role.STEWARD], ['NATINF'])), 403, { code: 'FORBIDDEN' });
    await expectRefusal(await upload('NOPE'), 404, { code: 'NOT_FOUND', reason: 'REFERENTIAL_NOT_FOUND', field: 'referential' });
    await expectRefusal(await upload('NAC', '?format=xml'), 400, { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'format' });
    // Another import of NAC holds its lock: this one is refused at once, before reading the file.
    const other = new Client({ connectionString: t.db.url });
    await other.connect();
    try {
      await other.query(`select pg_advisory_lock(hashtext('referential-import:' || 'NAC'))`);
      await expectRefusal(await upload('NAC'), 409, { code: 'CONFLICT', reason: 'IMPORT_REFUSED' });
    } finally {
      await other.end();
    }
  });

  it('the file and standard exports and the entry API', async () => {
    await expectRefusal(await get('/exports/NOPE'), 404, { code: 'NOT_FOUND', reason: 'REFERENTIAL_NOT_FOUND', field: 'referential' });
    await expectRefusal(await get('/exports/NAC?at=yesterday'), 400, { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'at' });
    await expectRefusal(await get('/exports/NOPE?format=skos'), 404, { code: 'NOT_FOUND', reason: 'REFERENTIAL_NOT_FOUND', field: 'referential' });
    await expectRefusal(await get('/api/referentials/NAC/entries/NOPE'), 404, { code: 'NOT_FOUND', reason: 'ENTRY_NOT_FOUND', field: 'entry' });
    await expectRefusal(await get('/api/referentials/NAC/entries/1', { authorization: 'Bearer forged' }), 401, { code: 'UNAUTHENTICATED' });
  });

  it('the explorer and GraphiQL assets, and routes that do not exist', async () => {
    await expectRefusal(await get('/explorer/assets/missing-0000.js'), 404, { code: 'NOT_FOUND' });
    await expectRefusal(await get('/graphiql/assets/missing.js'), 404, { code: 'NOT_FOUND' });
    await expectRefusal(await get('/nowhere'), 404, { code: 'NOT_FOUND' });
    await expectRefusal(await fetch(`${t.server.url}/imports`, { method: 'DELETE' }), 404, { code: 'NOT_FOUND' });
    expect((await get('/healthz')).status).toBe(200);
  });

  it('a /readyz that fails (last: the server stays draining)', async () => {
    expect(await (await get('/readyz')).json()).toMatchObject({ status: 'ready' });
    t.server.markNotReady();
    const ready = await get('/readyz');
    expect(ready.headers.get('retry-after')).toBe('5');
    await expectRefusal(ready, 503, { code: 'SERVICE_UNAVAILABLE', status: 'draining' });
  });
});

/** Split mode: a subgraph's process serves the routes its definition declares, and no other. */
describe('HTTP routes declared by subgraph definitions', () => {
  const t = useTestServer('demo');
  const servers: HttpServer[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.stop())));
  const alone = async (definition: typeof referentialsSubgraph) => {
    const server = await startSubgraphServer(t.db.orm, definition, { host: '127.0.0.1', port: 0 }, await testSecurity());
    servers.push(server);
    return server;
  };

  it('mounts the referentials file routes in that subgraph only', async () => {
    const referentials = await alone(referentialsSubgraph);
    const organisation = await alone(organisationSubgraph);
    expect((await fetch(`${referentials.url}/exports/NAC`)).status).toBe(200);
    await expectRefusal(await fetch(`${referentials.url}/exports/NOPE`), 404, { code: 'NOT_FOUND', reason: 'REFERENTIAL_NOT_FOUND', field: 'referential' });
    await expectRefusal(await fetch(`${organisation.url}/exports/NAC`), 404, { code: 'NOT_FOUND' });
  });
});
