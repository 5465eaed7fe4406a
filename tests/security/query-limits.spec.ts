import { request } from 'node:http';
import { loadSecurityConfig, DEV_ADMIN_KEY } from '../../src/kernel/auth/security-config';
import { startOneProcessServer } from '../../src/platform/servers';
import { bearer, Role, testSecurity } from '../support/auth';
import { gql } from '../support/graphql-client';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';

const refusedBeforeExecution = (response: { status: number; data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(response.status).toBe(400);
  expect(response.data).toBeUndefined();
  expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']).toContain(response.errors?.[0].extensions?.code);
};

/** POSTs a body that claims `bytes` and keeps sending until the server answers; resolves with the status and the bytes sent. */
function hugeUpload(url: string, bytes: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const req = request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes) } }, (res) => {
      res.resume();
      req.destroy();
      resolve({ status: res.statusCode ?? 0, sent });
    });
    req.on('error', (error) => (sent > 0 ? resolve({ status: -1, sent }) : reject(error)));
    const pump = (): void => {
      while (sent < bytes && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

describe('query limits and hostile input', () => {
  const t = useTestServer('demo');

  it('refuses a 100-level deep query before running it', async () => {
    const deep = `{ courts(first: 1) { edges { node { ${'parent { '.repeat(100)}code${' }'.repeat(100)} } } } }`;
    refusedBeforeExecution(await gql(t.server, deep));
    await expectStillServing(t.server);
  });

  it('refuses 10,000 aliases, and already 31', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: court(code: "100023") { code }`).join(' ')} }`;
    refusedBeforeExecution(await gql(t.server, aliases(10_000)));
    const some = await gql(t.server, aliases(31));
    refusedBeforeExecution(some);
    expect(some.errors?.[0].message).toMatch(/Aliases limit/);
    expect((await gql(t.server, aliases(10))).data).toMatchObject({ a0: { code: '100023' }, a9: { code: '100023' } });
    await expectStillServing(t.server);
  });

  it('refuses a costly query (wide pages nested in wide pages)', async () => {
    const costly = `{ ${Array.from({ length: 20 }, (_, i) => `c${i}: courts(first: 100) { edges { node { children { code children { code children { code } } } } } }`).join(' ')} }`;
    refusedBeforeExecution(await gql(t.server, costly));
    await expectStillServing(t.server);
  });

  it('refuses a 1 GB body early (413), without reading it, and keeps serving', async () => {
    const started = Date.now();
    const { status, sent } = await hugeUpload(t.server.url, 1024 ** 3);
    expect([413, -1]).toContain(status);
    expect(sent).toBeLessThan(256 * 1024 ** 2);
    expect(Date.now() - started).toBeLessThan(20_000);
    const justOver = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(justOver.status).toBe(413);
    expect(await justOver.json()).toEqual({ errors: [{ message: expect.stringContaining('larger than'), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    await expectStillServing(t.server);
  });

  it('refuses batched requests and malformed JSON', async () => {
    const batch = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
    const garbage = await fetch(`${t.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(garbage.status).toBe(400);
    await expectStillServing(t.server);
  });

  it('refuses a page larger than 100, and cross-site requests a browser would send without a preflight (CSRF)', async () => {
    expect((await gql(t.server, '{ courts(first: 101) { totalCount } }')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    refusedBeforeExecution(await gql(t.server, '{ courts(first: 100000) { totalCount } }')); // by the cost limit, before the resolver
    const simpleGet = await fetch(`${t.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(simpleGet.status).toBe(400);
    const formPost = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(formPost.status).toBe(400);
  });

  it('treats SQL metacharacters, % and _ in search strings as plain text', async () => {
    const courts = async (search: string) => gql(t.server, 'query($s: String) { courts(filter: { search: $s }) { totalCount } }', { s: search });
    expect((await courts("'; drop table court; --")).data?.courts.totalCount).toBe(0);
    expect((await courts("Lyon' or '1'='1")).data?.courts.totalCount).toBe(0);
    for (const bare of ['%', '_', '%%', "'"])
      expect((await courts(bare)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    expect((await courts('x'.repeat(201))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    expect((await courts('lyon')).data?.courts.totalCount).toBeGreaterThan(0);

    const entries = async (search: string) =>
      gql(t.server, 'query($s: String) { entries(referential: "NATINF", filter: { search: $s }) { totalCount } }', { s: search });
    expect((await entries('%')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    expect((await entries('_')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    expect((await entries("ivres' | ! & :* ) (")).data?.entries.totalCount).toBeGreaterThan(0);
    expect((await entries("'; delete from referential_entry; --")).data?.entries.totalCount).toBe(0);
    expect((await gql(t.server, `{ court(code: "' or 1=1 --") { code } }`)).data?.court ?? null).toBeNull();
    expect((await entries('ivres')).data?.entries.totalCount).toBeGreaterThan(0);
    await expectStillServing(t.server);
  });

  it('bounds every SQL statement with a statement timeout', async () => {
    const [{ statement_timeout }] = await t.db.orm.em.fork().getConnection().execute('show statement_timeout');
    expect(statement_timeout).toBe('30s');
  });
});

describe('production defaults', () => {
  // The suite's own server is not used: a production-configured one is started over its database.
  const t = useTestServer('srj');
  let production: Awaited<ReturnType<typeof testSecurity>>;
  beforeAll(async () => {
    const { jwt: _none, ...base } = loadSecurityConfig({ NODE_ENV: 'production', GATEWAY_SECRET: 's'.repeat(40), CORS_ORIGINS: 'https://explorer.justice.fr' });
    production = await testSecurity(base);
  });

  it('turns off introspection, the IDE, the explorer, anonymous reads and the local key; CORS only for listed origins', async () => {
    const server = await startOneProcessServer(t.db.orm, { host: '127.0.0.1', port: 0 }, production);
    try {
      const reader = { url: server.url, authorization: bearer([Role.READER]) };
      expect((await gql(server, '{ __typename }')).status).toBe(401);
      expect((await gql({ url: server.url, authorization: `Bearer ${DEV_ADMIN_KEY}` }, '{ __typename }')).status).toBe(401);
      const introspection = await gql(reader, '{ __schema { types { name } } }');
      expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await gql(reader, '{ cours { totalCount } }');
      expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
      for (const path of ['/graphiql', '/explorer/', '/']) expect((await fetch(`${server.url}${path}`, { redirect: 'manual' })).status).toBe(404);
      await expectStillServing(reader);

      const preflight = (origin: string) =>
        fetch(`${server.url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
        });
      expect((await preflight('https://explorer.justice.fr')).headers.get('access-control-allow-origin')).toBe('https://explorer.justice.fr');
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it('refuses to start in production without a gateway secret', () => {
    expect(() => loadSecurityConfig({ NODE_ENV: 'production' })).toThrow(/GATEWAY_SECRET must be set in production/);
  });
});
