import type { HttpServer } from '../../src/kernel/http/http-server';
import type { SecurityConfig } from '../../src/kernel/auth/security-config';
import { startGatewayServer, startSubgraphServer } from '../../src/platform/servers';
import { subgraphs } from '../../src/subgraphs';
import type { SubgraphDefinition } from '../../src/subgraphs/subgraph-definition';
import { testSecurity } from '../support/auth';
import { FaultProxy } from '../support/fault-proxy';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { Untyped } from '../support/untyped';

async function post(gateway: HttpServer, query: string): Promise<{ status: number; headers: Headers; text: string; body: Untyped }> {
  const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

const ADDRESS_TEXT = /127\.0\.0\.1|ECONN|localhost|fetch|:\d{4,5}\b/i;

/** Split mode, each subgraph killed in turn (then restarted on its port), and one frozen behind a proxy. */
describe('split mode under subgraph faults', () => {
  let db: TestDatabase;
  let security: SecurityConfig;
  const services = new Map<string, HttpServer>();
  const proxies = new Map<string, FaultProxy>();
  let gateway: HttpServer;
  const saved = process.env.SUBGRAPH_TIMEOUT_MS;

  const start = async (definition: SubgraphDefinition, port = 0) =>
    services.set(definition.name, await startSubgraphServer(db.orm, definition, { host: '127.0.0.1', port }, security));

  beforeAll(async () => {
    process.env.SUBGRAPH_TIMEOUT_MS = '1500';
    db = await createTestDatabase('demo');
    security = await testSecurity();
    for (const definition of subgraphs) await start(definition);
    // The gateway reaches each subgraph through a proxy of its own, so one can be frozen like a SIGSTOPped process.
    for (const [name, server] of services) proxies.set(name, await new FaultProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) }).start());
    const urls = Object.fromEntries([...proxies].map(([name, proxy]) => [name, `http://127.0.0.1:${proxy.port}/graphql`]));
    gateway = await startGatewayServer(urls, { host: '127.0.0.1', port: 0 }, { security, orm: db.orm });
  });
  afterAll(async () => {
    await gateway.stop();
    await Promise.all([...services.values()].map((s) => s.stop()));
    await Promise.all([...proxies.values()].map((p) => p.stop()));
    await db.drop();
    process.env.SUBGRAPH_TIMEOUT_MS = saved;
  });

  async function whileDown(name: string, check: () => Promise<void>): Promise<void> {
    const server = services.get(name)!;
    const port = Number(new URL(server.url).port);
    await server.stop();
    try {
      await check();
    } finally {
      await start(
        subgraphs.find((d) => d.name === name)!,
        port,
      );
    }
  }

  it('is ready only while every subgraph is', async () => {
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    await whileDown('security', async () => {
      const started = Date.now();
      const ready = await fetch(`${gateway.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1_500);
    });
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
  });

  it.each(subgraphs.map((d) => d.name))('answers 503 SERVICE_UNAVAILABLE, without addresses, for a root field of %s while it is down', async (name) => {
    const rootQuery: Record<string, string> = {
      organisation: `{ court(code: "100023") { code } }`,
      referentials: `{ referential(code: "NAC") { code } }`,
      catalog: `{ application(code: "CASSIOPEE") { code } }`,
      exchanges: `{ exchanges { code } }`,
      security: `{ auditTrail(first: 1) { totalCount } }`,
      changes: `{ changes(first: 1) { hasMore } }`,
    };
    expect(rootQuery[name]).toBeDefined();
    await whileDown(name, async () => {
      const answer = await post(gateway, rootQuery[name]);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.body.errors.map((e: Untyped) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(answer.text).not.toMatch(ADDRESS_TEXT);
    });
  });

  it('keeps the rest of a court when the catalog, which contributes its deployments and contacts, is down', async () => {
    const query = `{ court(code: "100023") { code shortName deployments { status } contacts { role } } }`;
    const healthy = await post(gateway, query);
    expect(healthy.body.errors).toBeUndefined();
    expect(Array.isArray(healthy.body.data.court.deployments)).toBe(true);
    await whileDown('catalog', async () => {
      const partial = await post(gateway, query);
      expect(partial.status).toBe(200);
      expect(partial.body.data.court).toEqual({ code: '100023', shortName: 'CA LYON', deployments: null, contacts: null });
      expect(partial.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    });
  });

  it('keeps the rest of an application when the exchanges subgraph is down', async () => {
    const query = `{ application(code: "CASSIOPEE") { code name exchanges { code } } }`;
    expect((await post(gateway, query)).body.data.application.exchanges.length).toBeGreaterThan(0);
    await whileDown('exchanges', async () => {
      const partial = await post(gateway, query);
      expect(partial.status).toBe(200);
      expect(partial.body.data.application).toMatchObject({ code: 'CASSIOPEE', exchanges: null });
      expect(partial.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    });
  });

  it('gives up on a frozen subgraph after SUBGRAPH_TIMEOUT_MS with SERVICE_UNAVAILABLE, never UNAUTHENTICATED', async () => {
    const proxy = proxies.get('organisation')!;
    proxy.freeze();
    try {
      const started = Date.now();
      const answer = await post(gateway, `{ court(code: "100001") { code } }`);
      expect(answer.status).toBe(503);
      expect(answer.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      proxy.restore();
    }
  });
});
