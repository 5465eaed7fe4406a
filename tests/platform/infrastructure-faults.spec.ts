import type { MikroORM } from '@mikro-orm/postgresql';
import { connectOrm } from '../../src/kernel/database/database';
import { forgetLoggedFaults, infrastructureFault } from '../../src/kernel/errors/infrastructure-fault';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { logger } from '../../src/kernel/logger';
import { ormModel } from '../../src/platform/orm-model';
import { startOneProcessServer } from '../../src/platform/servers';
import { testSecurity } from '../support/auth';
import { FaultProxy } from '../support/fault-proxy';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { Untyped } from '../support/untyped';

const DRIVER_TEXT = /127\.0\.0\.1|ECONN|connect |timeout|Knex|pg_|select |:\d{4,5}\b/i;

async function post(server: HttpServer, query: string): Promise<{ status: number; headers: Headers; text: string; body: Untyped }> {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

/** Retries until the server answers 200 again after a fault is lifted (the pool replaces its broken connections). */
async function recovers(server: HttpServer, query: string): Promise<number> {
  for (let i = 0; i < 40; i++) {
    if ((await post(server, query)).status === 200) return i;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not recover');
}

/** PostgreSQL killed or frozen under a one-process server, through a TCP proxy that injects the fault. */
describe.each([
  ['with the response cache', '64'],
  ['without the response cache', '0'],
])('infrastructure faults, one process %s', (_label, cacheMb) => {
  let db: TestDatabase;
  let proxy: FaultProxy;
  let orm: MikroORM;
  let server: HttpServer;
  const saved = { ...process.env };

  beforeAll(async () => {
    // Short bounds so the frozen case ends within the test: the configuration, not the code, sets the numbers.
    Object.assign(process.env, { STATEMENT_TIMEOUT_MS: '1000', DB_ACQUIRE_TIMEOUT_MS: '1000', DB_CONNECT_TIMEOUT_MS: '1000', RESPONSE_CACHE_MB: cacheMb });
    db = await createTestDatabase('srj');
    const target = new URL(db.url);
    proxy = await new FaultProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
    orm = await connectOrm(proxy.through(db.url), ormModel);
    server = await startOneProcessServer(orm, { host: '127.0.0.1', port: 0 }, await testSecurity());
  });
  afterEach(() => proxy.restore());
  afterAll(async () => {
    await server.stop();
    await orm.close(true);
    await proxy.stop();
    await db.drop();
    process.env = saved;
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After and no driver text while the database is down, then recovers', async () => {
    const query = `{ court(code: "100023") { code shortName parent { code } } }`;
    expect((await post(server, query)).status).toBe(200);
    proxy.cut();
    const fresh = await post(server, `{ courts(first: 3) { totalCount } }`);
    expect(fresh.status).toBe(503);
    expect(fresh.headers.get('retry-after')).toBe('5');
    expect(fresh.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(fresh.text).not.toMatch(DRIVER_TEXT);
    proxy.restore();
    await recovers(server, `{ courts(first: 3) { totalCount } }`);
  });

  it('bounds every wait when the database freezes: queries and /readyz answer 503 instead of hanging', async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    proxy.freeze();
    const ready = await timed(() => fetch(`${server.url}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(ready.ms).toBeLessThan(1_800);
    const frozen = await timed(() => post(server, `{ court(code: "100001") { shortName } }`));
    expect(frozen.value.status).toBe(503);
    expect(frozen.value.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    // statement 1 s, then the client's own 2 s on top (the frozen server enforces nothing), or the 1 s acquire bound
    expect(frozen.ms).toBeLessThan(8_000);
    proxy.restore();
    await recovers(server, `{ court(code: "100001") { shortName } }`);
  });

  it('writes one error line per kind of fault, not one per request', async () => {
    forgetLoggedFaults();
    const errors = jest.spyOn(logger, 'error');
    try {
      proxy.cut();
      for (let i = 0; i < 12; i++) await post(server, `{ courts(first: ${i + 10}) { totalCount } }`);
      const faultLines = errors.mock.calls.filter(([, message]) => message === 'infrastructure fault');
      expect(faultLines.length).toBeGreaterThan(0);
      expect(faultLines.length).toBeLessThanOrEqual(3);
      expect(errors.mock.calls.filter(([, message]) => message !== 'infrastructure fault')).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  if (cacheMb !== '0') {
    it('keeps serving answers already cached while the database is down, flagged stale', async () => {
      const query = `{ court(code: "100005") { code shortName } }`;
      const first = await post(server, query);
      expect(first.status).toBe(200);
      proxy.cut();
      const stale = await post(server, query);
      expect(stale.status).toBe(200);
      expect(stale.headers.get('x-cache')).toBe('STALE');
      expect(stale.body).toEqual(first.body);
      // GET requests go through Apollo's plugin rather than the fast path: same behaviour
      const viaGet = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(viaGet.status).toBe(200);
      expect(viaGet.headers.get('x-cache')).toBe('STALE');
    });
  }
});

describe('what counts as an infrastructure fault', () => {
  it("counts the driver's own connection timeouts, by their exact message, and not a message that merely holds the words", () => {
    expect(infrastructureFault(new Error('timeout expired'))).toBe('database connection');
    expect(infrastructureFault(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'))).toBe('database connection');
    expect(infrastructureFault(Object.assign(new Error('x'), { name: 'KnexTimeoutError' }))).toBe('timeout');
    expect(infrastructureFault(new Error('the import timeout expired for file x.csv'))).toBeNull();
  });
});
