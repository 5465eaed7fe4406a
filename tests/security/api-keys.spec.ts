import { DEV_ADMIN_KEY } from '../../src/kernel/auth/security-config';
import { Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id prefix name roles stewardOf expiresAt revokedAt } } }`;
const DRAFT = `mutation($r: ID!) { createDraft(referential: $r) { number } }`;
const ALLOWED = 'query CourtName($code: ID!) { court(code: $code) { name } }';

describe('API keys', () => {
  const t = useTestServer('demo');
  const withKey = (key: string) => ({ url: t.server.url, authorization: `Bearer ${key}` });
  const devAdmin = () => withKey(DEV_ADMIN_KEY);
  const createKey = async (input: Record<string, unknown>) => {
    const { data, errors } = await gql(devAdmin(), CREATE_KEY, { input });
    expect(errors).toBeUndefined();
    return data!.createApiKey as { key: string; apiKey: { id: string; prefix: string } };
  };

  it('lets the documented local ADMIN key create keys; the secret is answered once and stored only hashed', async () => {
    const { key, apiKey } = await createKey({ name: 'CASSIOPEE recette', roles: ['READER'] });
    expect(key).toMatch(new RegExp(`^rj_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    const rows = await t.db.orm.em.fork().getConnection().execute('select secret_hash from api_key');
    expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(key);
    const listed = await gql(devAdmin(), '{ apiKeys { name roles lastUsedAt } }');
    expect(listed.data?.apiKeys).toEqual([{ name: 'CASSIOPEE recette', roles: ['READER'], lastUsedAt: null }]);
    // The trail has the change, never the secret nor its hash.
    const trail = await gql(devAdmin(), '{ auditTrail(filter: { operation: "createApiKey" }) { edges { node { actor after } } } }');
    expect(trail.data?.auditTrail.edges[0].node).toMatchObject({
      actor: 'dev-admin-key',
      after: [{ entity: 'ApiKey', type: 'create', fields: { name: 'CASSIOPEE recette' } }],
    });
    expect(JSON.stringify(trail.data)).not.toMatch(new RegExp(`${key}|secretHash|${rows[0].secret_hash}`));
  });

  it('serves a READER key, refuses its mutations, and records when it was last used', async () => {
    const { key } = await createKey({ name: 'lecteur', roles: ['READER'] });
    await expectStillServing(withKey(key));
    const viaHeader = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: '{ referentials { code } }' }),
    });
    expect(viaHeader.status).toBe(200);
    const refused = await gql(withKey(key), DRAFT, { r: 'NAC' });
    expect(refused.errors?.[0]).toMatchObject({ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } });
    const [row] = await t.db.orm.em.fork().getConnection().execute("select last_used_at from api_key where name = 'lecteur'");
    expect(row.last_used_at).not.toBeNull();
  });

  it('gives a steward key its referential only', async () => {
    const { key } = await createKey({ name: 'outil NAC', roles: ['STEWARD'], stewardOf: ['nac'] });
    expect((await gql(withKey(key), DRAFT, { r: 'NATINF' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(withKey(key), DRAFT, { r: 'NAC' })).data).toEqual({ createDraft: { number: 2 } });
  });

  it('refuses a key revoked mid-session from its next request on, and an expired one', async () => {
    const { key, apiKey } = await createKey({ name: 'à révoquer', roles: ['READER'] });
    await expectStillServing(withKey(key));
    const revoked = await gql(devAdmin(), 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id });
    expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();
    const after = await gql(withKey(key), '{ courts(first: 1) { totalCount } }');
    expect({ status: after.status, errors: after.errors }).toEqual({
      status: 401,
      errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }],
    });

    const expiring = await createKey({ name: 'expirée', roles: ['READER'] });
    await t.db.orm.em
      .fork()
      .getConnection()
      .execute("update api_key set expires_at = now() - interval '1 second' where id = ?", [Number(expiring.apiKey.id)]);
    expect((await gql(withKey(expiring.key), '{ courts(first: 1) { totalCount } }')).status).toBe(401);
    // A key of the right shape but unknown, and one whose secret part was altered.
    expect((await gql(withKey(`rj_${'a'.repeat(12)}_${'b'.repeat(43)}`), '{ courts(first: 1) { totalCount } }')).status).toBe(401);
    const good = await createKey({ name: 'altérée', roles: ['READER'] });
    expect((await gql(withKey(`${good.key.slice(0, -1)}${good.key.endsWith('A') ? 'B' : 'A'}`), '{ courts(first: 1) { totalCount } }')).status).toBe(401);
    await expectStillServing(devAdmin());
  });

  it('lets only ADMIN manage keys, and validates what it is given', async () => {
    const input = { name: 'x', roles: ['ADMIN'] };
    expect((await gql(t.as([Role.STEWARD], ['NAC']), CREATE_KEY, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(t.server, CREATE_KEY, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(t.as([Role.READER]), '{ apiKeys { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: ' ', roles: ['READER'] }, 'input.name'],
      [{ name: 'x', roles: [] }, 'input.roles'],
      [{ name: 'x', roles: ['READER'], stewardOf: ['NAC'] }, 'input.stewardOf'],
      [{ name: 'x', roles: ['STEWARD'], stewardOf: ["NAC'; drop table api_key; --"] }, 'input.stewardOf'],
      [{ name: 'x', roles: ['READER'], expiresAt: '2001-01-01T00:00:00Z' }, 'input.expiresAt'],
    ];
    for (const [bad, field] of cases)
      expect((await gql(devAdmin(), CREATE_KEY, { input: bad })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await gql(devAdmin(), 'mutation { revokeApiKey(id: "abc") { id } }')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('holds a key flagged allowListOnly to the committed persisted operations', async () => {
    const { key } = await createKey({ name: 'production app', roles: ['READER'], allowListOnly: true });
    const listed = await gql(withKey(key), ALLOWED, { code: '100023' });
    expect(listed.data).toEqual({ court: { name: expect.stringMatching(/Lyon/i) } });
    const other = await gql(withKey(key), '{ courts(first: 1) { totalCount } }');
    expect(other.errors?.[0]).toMatchObject({ message: 'Operation not in the allow-list', extensions: { code: 'FORBIDDEN' } });
    await expectStillServing(devAdmin()); // others are not held to it
  });
});

describe('rate limits per key', () => {
  const t = useTestServer('srj', undefined, { rateLimitPerMinute: 3 });

  it('answers 429 once a principal spends its budget, while others keep being served', async () => {
    const alice = t.as([Role.READER]);
    for (let i = 0; i < 3; i++) expect((await gql(alice, '{ courts(first: 1) { totalCount } }')).status).toBe(200);
    const limited = await gql(alice, '{ courts(first: 1) { totalCount } }');
    expect({ status: limited.status, errors: limited.errors }).toEqual({
      status: 429,
      errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }],
    });
    await expectStillServing({ url: t.server.url, authorization: `Bearer ${DEV_ADMIN_KEY}` });
  });
});
