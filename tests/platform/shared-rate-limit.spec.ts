import { randomBytes } from 'node:crypto';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { startOneProcessServer } from '../../src/platform/servers';
import { testSecurity } from '../support/auth';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function statuses(servers: HttpServer[], requests: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < requests; i++) {
    const server = servers[i % servers.length];
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ court(code: "100001") { code } }' }),
    });
    await response.text();
    seen.push(response.status);
  }
  return seen;
}

/** Two instances behind one load balancer: a caller's budget is one, whichever instance answers. */
describe('rate limits across instances', () => {
  let db: TestDatabase;
  const started: HttpServer[] = [];
  beforeAll(async () => void (db = await createTestDatabase('srj')));
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    await db.drop();
  });

  const instances = async (overrides: Record<string, unknown>): Promise<HttpServer[]> => {
    const security = await testSecurity({ rateLimitPerMinute: 30, ...overrides });
    const pair = [
      await startOneProcessServer(db.orm, { host: '127.0.0.1', port: 0 }, security),
      await startOneProcessServer(db.orm, { host: '127.0.0.1', port: 0 }, security),
    ];
    started.push(...pair);
    return pair;
  };

  it('counts alone in each process without Redis: 50 requests over two instances pass a limit of 30', async () => {
    const seen = await statuses(await instances({}), 50);
    expect(seen.filter((s) => s === 429)).toHaveLength(0);
  });

  it('shares the counters in Redis with REDIS_URL: the 31st request is refused, whichever instance gets it', async () => {
    const seen = await statuses(await instances({ redisUrl: REDIS_URL, redisPrefix: `rj-test-${randomBytes(4).toString('hex')}:` }), 50);
    // Exactly 30 and 20 on a quiet machine; a Redis command timing out under load lets its request pass (by design).
    expect(seen.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(seen.filter((s) => s === 429).length).toBeGreaterThanOrEqual(17);
  });

  it('lets requests through when Redis is unreachable rather than failing them', async () => {
    const seen = await statuses(await instances({ redisUrl: 'redis://127.0.0.1:1', redisPrefix: 'rj-test-down:' }), 5);
    expect(seen).toEqual([200, 200, 200, 200, 200]);
  });
});
