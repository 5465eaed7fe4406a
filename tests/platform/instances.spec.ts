import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/kernel/config';
import { DEV_ADMIN_KEY } from '../../src/kernel/auth/security-config';
import { PrivateNatsServer, readStream, waitFor } from '../support/nats-server';
import { withoutApproval } from '../builders/approval.builder';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { Untyped } from '../support/untyped';

const MAIN = join(PROJECT_ROOT, 'dist', 'src', 'main.js');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE_LIMIT = 150;

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
}

async function call(instance: Instance, query: string, variables: Record<string, unknown> = {}, admin = false): Promise<{ status: number; body: Untyped }> {
  const response = await fetch(`${instance.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(admin ? { authorization: `Bearer ${DEV_ADMIN_KEY}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

async function relayActive(instance: Instance): Promise<boolean> {
  const ready = await fetch(`${instance.url}/readyz`)
    .then((r) => r.json() as Promise<Untyped>)
    .catch(() => null);
  return ready?.changeFeed?.relayProcess?.active === true;
}

/**
 * Three `npm start` processes on one database, one Redis and one NATS, as behind a load balancer: shared rate limit,
 * no stale read after a publish, imports serialised per referential, and the relay's leadership surviving a kill -9.
 */
describe('three instances on one database, one Redis, one NATS', () => {
  let db: TestDatabase;
  const nats = new PrivateNatsServer();
  const instances: Instance[] = [];
  const stream = `RJ_T${randomBytes(3).toString('hex').toUpperCase()}`;
  const prefix = `rj.t${randomBytes(3).toString('hex')}`;

  async function launch(name: string): Promise<Instance> {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        REDIS_URL,
        REDIS_PREFIX: `${prefix}:`,
        NATS_URL: nats.url,
        NATS_STREAM: stream,
        NATS_SUBJECT_PREFIX: prefix,
        WEBHOOKS: 'false',
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        SHUTDOWN_READINESS_DELAY_MS: '2000',
      },
      stdio: 'ignore',
    });
    const instance = { name, url: `http://127.0.0.1:${port}`, child };
    await waitFor(`${name} ready`, async () => (await fetch(`${instance.url}/readyz`).catch(() => null))?.status === 200, 60_000);
    return instance;
  }

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    // Four-eyes publication has suites of its own: here a steward publishes NAC straight away.
    await withoutApproval('NAC')(db);
    await nats.start();
    for (const name of ['a', 'b', 'c']) instances.push(await launch(name));
  }, 180_000);
  afterAll(async () => {
    for (const { child } of instances) child.kill('SIGKILL');
    await nats.destroy();
    await db.drop();
  });

  it('shares the rate limit: a caller gets its budget once across the instances, not once per instance', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 30; i++) {
      const response = await fetch(`${instances[i % instances.length].url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ court(code: "100001") { code } }' }),
      });
      await response.text();
      statuses.push(response.status);
    }
    // Without Redis each of the three instances would accept RATE_LIMIT: three times as many. Anonymous callers share
    // one budget per IP, so this runs first (its window starts here) and the later tests call as the local admin.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(RATE_LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
  });

  it('has exactly one active relay', async () => {
    await waitFor('one relay active', async () => (await Promise.all(instances.map(relayActive))).filter(Boolean).length === 1, 10_000);
  });

  it('serves a publish made through one instance at once from the others (no stale read)', async () => {
    const [a, b, c] = instances;
    const before = await call(c, `{ entry(referential: "NAC", code: "20A") { label } }`, {}, true);
    expect(before.body.data.entry.label).toBeTruthy();
    const draft = await call(b, `mutation { createDraft(referential: "NAC", notes: "instances") { version } }`, {}, true);
    expect(draft.body.errors).toBeUndefined();
    const version = async () => (await call(b, `{ referential(code: "NAC") { draft { version } } }`, {}, true)).body.data.referential.draft.version;
    const upsert = await call(
      b,
      `mutation($v: Int!) { upsertEntry(referential: "NAC", expectedVersion: $v, input: { code: "20A", label: "Libellé publié par l'instance b", parentCode: "20" }) { code } }`,
      { v: await version() },
      true,
    );
    expect(upsert.body.errors).toBeUndefined();
    const published = await call(b, `mutation($v: Int!) { publishRelease(referential: "NAC", expectedVersion: $v) { number } }`, { v: await version() }, true);
    expect(published.body.errors).toBeUndefined();
    for (const instance of [a, c]) {
      expect((await call(instance, `{ entry(referential: "NAC", code: "20A") { label } }`, {}, true)).body.data.entry.label).toBe(
        "Libellé publié par l'instance b",
      );
    }
  });

  it('serialises imports of one referential across instances', async () => {
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    try {
      // An import in progress elsewhere holds this lock: every instance refuses a second import of that referential.
      await holder.query(`select pg_advisory_lock(hashtext('referential-import:' || $1))`, ['NAC']);
      for (const instance of instances) {
        const response = await fetch(`${instance.url}/imports/NAC?format=csv`, {
          method: 'POST',
          headers: { authorization: `Bearer ${DEV_ADMIN_KEY}`, 'content-type': 'text/csv' },
          body: 'code;label\n20A;x\n',
        });
        const text = await response.text();
        expect(response.status).toBe(409);
        expect(text).toMatch(/another import of NAC/);
      }
    } finally {
      await holder.end();
    }
  });

  it('hands the relay over within 10 s when the active instance is killed, losing and reordering nothing', async () => {
    const active = await waitFor(
      'the active relay',
      async () => {
        const flags = await Promise.all(instances.map(relayActive));
        return flags.filter(Boolean).length === 1 ? instances[flags.indexOf(true)] : null;
      },
      10_000,
    );
    const survivors = instances.filter((i) => i !== active);
    // More events while the leader dies: a court created through a survivor.
    const created = call(
      survivors[0],
      `mutation { createCourt(input: { code: "T90001", type: TRIBUNAL_JUDICIAIRE, name: "Tribunal judiciaire d'essai", shortName: "TJ ESSAI", parentCode: "100023", validFrom: "2026-01-01" }) { code } }`,
      {},
      true,
    );
    active.child.kill('SIGKILL');
    const killedAt = Date.now();
    expect((await created).body.errors).toBeUndefined();
    const successor = await waitFor(
      'a successor relay',
      async () => {
        const flags = await Promise.all(survivors.map(relayActive));
        return flags.filter(Boolean).length === 1 ? survivors[flags.indexOf(true)] : null;
      },
      10_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect(survivors).toContain(successor);
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query<{ id: string; idempotency_key: string; domain: string }>(
      'select id, idempotency_key, domain from change_event order by id',
    );
    await admin.end();
    const published = await waitFor(
      'every event published',
      async () => {
        const messages = await readStream(nats.url, stream);
        const keys = new Set(messages.map((m) => m.header?.get('Nats-Msg-Id')));
        return rows.every((r) => keys.has(r.idempotency_key)) ? messages : null;
      },
      30_000,
    );
    // At least once: a re-publication keeps its key; per subject the first sighting of each event is in cursor order.
    const firstSeen = new Map<string, number>();
    published.forEach((m, index) => {
      const key = m.header?.get('Nats-Msg-Id') ?? '';
      if (!firstSeen.has(key)) firstSeen.set(key, index);
    });
    const bySubject = new Map<string, number[]>();
    for (const row of rows) {
      const subject = published[firstSeen.get(row.idempotency_key)!].subject;
      bySubject.set(subject, [...(bySubject.get(subject) ?? []), firstSeen.get(row.idempotency_key)!]);
    }
    for (const positions of bySubject.values()) expect(positions).toEqual([...positions].sort((x, y) => x - y));
    instances.splice(instances.indexOf(active), 1);
  });

  it('drains on SIGTERM: /readyz fails first, then the process exits cleanly', async () => {
    const leaving = instances[instances.length - 1];
    const exited = new Promise<number | null>((resolve) => leaving.child.once('exit', (code) => resolve(code)));
    leaving.child.kill('SIGTERM');
    // The signal is handled between two turns of the process's event loop: the first probe may still be answered.
    const draining = await waitFor(
      'readyz to say draining',
      async () => {
        const ready = await fetch(`${leaving.url}/readyz`);
        const body = (await ready.json()) as { errors: { extensions: { status: string } }[] };
        return ready.status === 503 && body.errors[0].extensions.status === 'draining';
      },
      1_500,
    );
    expect(draining).toBe(true);
    expect(await exited).toBe(0);
  });
});
