import { Role } from '../support/auth';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WireEvent } from '../../src/kernel/outbox/wire-event';
import { WebhookDispatcher } from '../../src/relay/webhook-dispatcher';
import { verifyWebhook } from '../../src/relay/webhook-signature';
import { aReferential, gqlOk, publishRelease } from '../builders/referential-release.builder';
import { waitFor } from '../support/nats-server';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

// The endpoints below listen on 127.0.0.1: this suite is a local setup, which the switch allows (off by default).
process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
const LOCAL = { allowPrivate: true, allowedNetworks: [], httpsOnly: false };

const open: Server[] = [];

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An application's endpoint: answers 500 `failures` times per event, then 200; records every request. */
async function anEndpoint(failures: number): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const tries = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const key = String(req.headers['x-rj-idempotency-key']);
      const n = (tries.get(key) ?? 0) + 1;
      tries.set(key, n);
      res.writeHead(n <= failures ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close: () => new Promise((r) => server.close(() => r())) };
}

/** Closes the endpoints a failed test left open. */
function closeAll(): Promise<void[]> {
  return Promise.all(open.map((server) => new Promise<void>((r) => (server.listening ? server.close(() => r()) : r()))));
}

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret subscription { id url domains types active } } }`;

describe('change feed: webhooks', () => {
  const t = useTestServer('empty');
  let dispatcher: WebhookDispatcher;
  beforeAll(async () => {
    dispatcher = new WebhookDispatcher({ databaseUrl: t.db.url, maxAttempts: 4, baseDelayMs: 50, timeoutMs: 2000, pollMs: 50, outbound: LOCAL }).start();
    await aReferential(t.as([Role.ADMIN]), 'HOOK_A');
    await aReferential(t.as([Role.ADMIN]), 'HOOK_B');
  });
  afterAll(async () => {
    await dispatcher.stop();
    await closeAll();
  });

  it('delivers a signed event to an endpoint that fails three times, then succeeds', async () => {
    const endpoint = await anEndpoint(3);
    const secret = 'a-secret-of-the-application-0123';
    const { registerWebhook } = await gqlOk(t.as([Role.ADMIN]), REGISTER, { input: { url: endpoint.url, referentials: ['HOOK_A'], types: ['ADDED'], secret } });
    expect(registerWebhook.subscription).toMatchObject({ url: endpoint.url, domains: ['HOOK_A'], types: ['ADDED'], active: true });
    await publishRelease(t.as([Role.ADMIN]), 'HOOK_A', [{ code: 'H1', label: 'Crochet' }]);
    await publishRelease(t.as([Role.ADMIN]), 'HOOK_B', [{ code: 'X1' }]); // another referential: not for this endpoint

    // Two events for it (the entry, then its release), each tried four times.
    await waitFor('the fourth tries', async () => endpoint.received.length >= 8);
    await new Promise((r) => setTimeout(r, 300));
    expect(endpoint.received).toHaveLength(8);
    const byKey = new Map<string, Received[]>();
    for (const r of endpoint.received)
      byKey.set(String(r.headers['x-rj-idempotency-key']), [...(byKey.get(String(r.headers['x-rj-idempotency-key'])) ?? []), r]);
    expect(byKey.size).toBe(2); // each event retried with its own, unchanging idempotency key
    for (const tries of byKey.values()) expect(tries.map((r) => r.headers['x-rj-delivery-attempt'])).toEqual(['1', '2', '3', '4']);
    for (const { headers, body } of endpoint.received) {
      expect(verifyWebhook(secret, String(headers['x-rj-timestamp']), body, String(headers['x-rj-signature']))).toBe(true);
      expect(verifyWebhook('another-secret-entirely-000000', String(headers['x-rj-timestamp']), body, String(headers['x-rj-signature']))).toBe(false);
    }
    const delivered = [...byKey.values()].map((tries) => JSON.parse(tries[3].body) as WireEvent).sort((a, b) => Number(a.cursor) - Number(b.cursor));
    expect(delivered[0]).toMatchObject({ type: 'ADDED', domain: 'HOOK_A', entityType: 'Entry', entityKey: 'H1', payload: { label: 'Crochet' } });
    expect(delivered[1]).toMatchObject({ type: 'ADDED', domain: 'HOOK_A', entityType: 'Release', entityKey: '1' });
    const outcomes = await t.db.orm.em
      .getConnection()
      .execute('select status, attempts from webhook_delivery where subscription_id = ?', [Number(registerWebhook.subscription.id)]);
    expect(outcomes).toEqual([
      { status: 'DELIVERED', attempts: 4 },
      { status: 'DELIVERED', attempts: 4 },
    ]);
    await gqlOk(t.as([Role.ADMIN]), `mutation($id: ID!) { deactivateWebhook(id: $id) { active } }`, { id: registerWebhook.subscription.id });
    await endpoint.close();
  });

  it('parks a delivery as DEAD after the last try; an ADMIN sees it and replays it', async () => {
    const endpoint = await anEndpoint(4);
    const { registerWebhook } = await gqlOk(t.as([Role.ADMIN]), REGISTER, { input: { url: endpoint.url, referentials: ['HOOK_B'], types: ['CHANGED'] } });
    expect(registerWebhook.secret).toMatch(/^[0-9a-f]{64}$/);
    await publishRelease(t.as([Role.ADMIN]), 'HOOK_B', [{ code: 'X1', label: 'X1 révisé' }]);
    const dead = await waitFor('the dead letter', async () => {
      const { deadWebhookDeliveries } = await gqlOk(
        t.as([Role.ADMIN]),
        `{ deadWebhookDeliveries { id status attempts lastError subscription { id } event { entityKey idempotencyKey } } }`,
      );
      return deadWebhookDeliveries.length > 0 && deadWebhookDeliveries;
    });
    expect(dead).toEqual([
      {
        id: expect.any(String),
        status: 'DEAD',
        attempts: 4,
        lastError: 'HTTP 500',
        subscription: { id: registerWebhook.subscription.id },
        event: { entityKey: 'X1', idempotencyKey: expect.any(String) },
      },
    ]);
    expect(await (await fetch(`${t.server.url}/metrics`)).text()).toMatch(/rj_webhook_deliveries\{status="dead"\} 1/);

    // The endpoint is fixed (its fifth answer is a 200): replay.
    expect(
      (await gqlOk(t.as([Role.ADMIN]), `mutation($ids: [ID!]) { replayWebhookDeliveries(ids: $ids) }`, { ids: [dead[0].id] })).replayWebhookDeliveries,
    ).toBe(1);
    await waitFor('the replayed delivery', async () => endpoint.received.length >= 5);
    await waitFor('DELIVERED', async () => (await gqlOk(t.as([Role.ADMIN]), `{ deadWebhookDeliveries { id } }`)).deadWebhookDeliveries.length === 0);
    expect(new Set(endpoint.received.map((r) => r.headers['x-rj-idempotency-key'])).size).toBe(1);
    const { webhooks } = await gqlOk(t.as([Role.ADMIN]), `{ webhooks { id active } }`);
    expect(webhooks).toHaveLength(2);
    await endpoint.close();
  });

  it('refuses an endpoint that is not an http(s) URL, and an anonymous registration', async () => {
    const bad = await gql(t.as([Role.ARCHITECT]), REGISTER, { input: { url: 'ftp://example.org/x' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    const anonymous = await gql(t.server, REGISTER, { input: { url: 'https://example.org/hook' } });
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
