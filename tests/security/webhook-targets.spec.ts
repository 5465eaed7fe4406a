import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertOutboundUrl, guardedLookup, loadOutboundPolicy, specialAddress, type OutboundPolicy } from '../../src/kernel/net/outbound-policy';
import { WebhookDispatcher } from '../../src/relay/webhook-dispatcher';
import { postWebhook } from '../../src/relay/webhook-post';
import { aReferential, publishRelease } from '../builders/referential-release.builder';
import { Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { waitFor } from '../support/nats-server';
import { useTestServer } from '../support/test-server';

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { subscription { id url } } }`;
const STRICT: OutboundPolicy = { allowPrivate: false, allowedNetworks: [], httpsOnly: false };
// A public address literal: registration checks it without any DNS.
const PUBLIC = 'https://93.184.215.14/hook';

/** A receiver on 127.0.0.1 that counts what reaches it. */
async function aLocalReceiver(): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    req.resume();
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, hits: () => hits, close: () => new Promise((r) => server.close(() => r())) };
}

describe('webhooks: who may register them, and where the server may POST (SSRF)', () => {
  const t = useTestServer('empty');
  const subscriptions = async (): Promise<number> =>
    Number((await t.db.orm.em.fork().getConnection().execute('select count(*)::int as n from webhook_subscription'))[0].n);
  const audited = async (): Promise<number> =>
    Number((await t.db.orm.em.fork().getConnection().execute(`select count(*)::int as n from audit_entry where operation = 'registerWebhook'`))[0].n);
  beforeAll(async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE; // the default: no private address
    await aReferential(t.as([Role.ADMIN]), 'HOOK_NAC');
  });

  it('lets ADMIN and ARCHITECT register, a STEWARD only for their own referentials, READER and anonymous not at all', async () => {
    const register = (target: Parameters<typeof gql>[0], referentials?: string[]) => gql(target, REGISTER, { input: { url: PUBLIC, referentials } });
    expect((await register(t.as([Role.ADMIN]))).errors).toBeUndefined();
    expect((await register(t.as([Role.ARCHITECT]))).errors).toBeUndefined();
    expect((await register(t.as([Role.STEWARD], ['HOOK_NAC']), ['HOOK_NAC'])).errors).toBeUndefined();
    const before = await subscriptions();
    expect((await register(t.as([Role.STEWARD], ['HOOK_NAC']))).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' }); // every domain
    expect((await register(t.as([Role.STEWARD], ['HOOK_NAC']), ['HOOK_NAC', 'NATINF'])).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await register(t.as([Role.READER]), ['HOOK_NAC'])).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await register(t.server, ['HOOK_NAC'])).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await subscriptions()).toBe(before);
  });

  it.each([
    'http://127.0.0.1:4000/graphql',
    'http://localhost/hook',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://[::]/',
    'http://224.0.0.1/',
    'http://[ff02::1]/',
    'http://[64:ff9b::a00:1]/',
    'http://[2002:7f00:1::]/',
    'http://name-that-does-not-resolve.invalid/',
    'ftp://93.184.215.14/',
    'https://user:password@93.184.215.14/',
  ])('refuses %s at registration, with the field named and nothing written', async (url) => {
    const [rows, entries] = [await subscriptions(), await audited()];
    const { errors } = await gql(t.as([Role.ADMIN]), REGISTER, { input: { url } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect([await subscriptions(), await audited()]).toEqual([rows, entries]);
  });

  it('checks the address again at delivery time: a subscription that predates the policy reaches nothing', async () => {
    const receiver = await aLocalReceiver();
    await t.db.orm.em.fork().getConnection().execute('update webhook_subscription set active = false'); // no POST to the public ones
    const [{ id }] = await t.db.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into webhook_subscription (url, secret, domains, created_by) values (?, 'a-secret-of-sixteen-chars', '{HOOK_NAC}', 'test') returning id`,
        [receiver.url],
      );
    const dispatcher = new WebhookDispatcher({ databaseUrl: t.db.url, maxAttempts: 1, baseDelayMs: 10, timeoutMs: 2000, pollMs: 50, outbound: STRICT }).start();
    try {
      await publishRelease(t.as([Role.ADMIN]), 'HOOK_NAC', [{ code: 'N1' }]);
      const dead = await waitFor('the refused delivery', async () => {
        const rows = await t.db.orm.em
          .fork()
          .getConnection()
          .execute(`select status, last_error from webhook_delivery where subscription_id = ? and status = 'DEAD'`, [id]);
        return rows.length > 0 && rows;
      });
      expect(dead[0].last_error).toMatch(/127\.0\.0\.1 is a loopback address/);
      expect(receiver.hits()).toBe(0);
    } finally {
      await dispatcher.stop();
      await receiver.close();
    }
  });

  it('connects to the address its lookup checked: a name resolving to loopback is refused, the same allowed locally', async () => {
    const receiver = await aLocalReceiver();
    const byName = receiver.url.replace('127.0.0.1', 'localhost');
    await expect(postWebhook(byName, {}, '{}', 2000, STRICT)).rejects.toThrow(/loopback/);
    // Past the URL check (a stale one), the socket's own lookup still refuses: the connection never happens.
    const lookedUp = await new Promise<Error | null>((resolve) => guardedLookup(STRICT)('localhost', { all: true }, (error) => resolve(error)));
    expect(lookedUp?.message).toMatch(/loopback/);
    expect(receiver.hits()).toBe(0);
    expect(await postWebhook(byName, {}, '{}', 2000, { ...STRICT, allowPrivate: true })).toBe(200);
    expect(receiver.hits()).toBe(1);
    await receiver.close();
  });

  // Found by the hostile-input suite: a malformed id reached SQL as NaN and the database's error text came back.
  it.each(['abc', 'nac\u0000', '-1', '1.5', '1e3', '', '🙂'])('refuses the webhook id %j with BAD_USER_INPUT, the SQL never shown', async (id) => {
    const deactivate = await gql(t.as([Role.ADMIN]), `mutation($id: ID!) { deactivateWebhook(id: $id) { id } }`, { id });
    expect(deactivate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const replay = await gql(t.as([Role.ADMIN]), `mutation($ids: [ID!]) { replayWebhookDeliveries(ids: $ids) }`, { ids: ['1', id] });
    expect(replay.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(JSON.stringify([deactivate, replay])).not.toMatch(/select|update|webhook_/i);
  });

  it('refuses more than 1000 ids to replay at once, and answers NOT_FOUND for a well-formed unknown id', async () => {
    const many = await gql(t.as([Role.ADMIN]), `mutation($ids: [ID!]) { replayWebhookDeliveries(ids: $ids) }`, {
      ids: Array.from({ length: 1001 }, (_, i) => String(i + 1)),
    });
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect((await gql(t.as([Role.ADMIN]), `mutation { deactivateWebhook(id: "987654321") { id } }`)).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    // Past the subscriptions' integer column, not past the deliveries' bigint one.
    expect((await gql(t.as([Role.ADMIN]), `mutation { deactivateWebhook(id: "99999999999") { id } }`)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(await gql(t.as([Role.ADMIN]), `mutation { replayWebhookDeliveries(ids: ["99999999999"]) }`)).toMatchObject({ data: { replayWebhookDeliveries: 0 } });
  });

  it('classifies IPv4, IPv6 and IPv4-mapped IPv6 addresses', () => {
    expect(['8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '93.184.215.14'].map(specialAddress)).toEqual([null, null, null, null]);
    expect(['127.0.0.2', '::1', '::ffff:10.0.0.1', '169.254.169.254', 'fc00::1', 'ff05::2', '0.0.0.0'].map(specialAddress)).toEqual([
      'loopback',
      'loopback',
      'private',
      'link-local',
      'unique-local',
      'multicast',
      'unspecified',
    ]);
  });

  it('is https only in production, where the private switch is refused; listed intranet networks are allowed', async () => {
    const production = loadOutboundPolicy({ NODE_ENV: 'production' });
    expect(production).toEqual({ allowPrivate: false, allowedNetworks: [], httpsOnly: true });
    await expect(assertOutboundUrl('http://93.184.215.14/hook', production)).rejects.toThrow(/https/);
    await expect(assertOutboundUrl(PUBLIC, production)).resolves.toBeInstanceOf(URL);
    expect(() => loadOutboundPolicy({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE: 'true' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    expect(loadOutboundPolicy({}).allowPrivate).toBe(false); // off by default outside production too
    const intranet = loadOutboundPolicy({ NODE_ENV: 'production', WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16' });
    await expect(assertOutboundUrl('https://10.20.3.4/hook', intranet)).resolves.toBeInstanceOf(URL);
    await expect(assertOutboundUrl('https://10.21.3.4/hook', intranet)).rejects.toThrow(/private/);
    await expect(assertOutboundUrl('https://127.0.0.1/hook', intranet)).rejects.toThrow(/loopback/);
    expect(() => loadOutboundPolicy({ WEBHOOK_ALLOWED_NETWORKS: 'intranet' })).toThrow(/CIDR/);
  });
});
