import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { getMetadataStorage } from 'type-graphql';
import { startOneProcessServer } from '../../src/platform/servers';
import { subgraphs } from '../../src/subgraphs';
import { bearer, Role, TEST_AUDIENCE, TEST_ISSUER, testSecurity, tokenFor } from '../support/auth';
import { gql } from '../support/graphql-client';
import { expectStillServing } from '../support/still-serves';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { useTestServer } from '../support/test-server';

const CREATE_COURT = `mutation { createCourt(input: { code: "900100", type: TRIBUNAL_JUDICIAIRE, name: "Tribunal judiciaire de Nullepart", parentCode: "100023" }) { code } }`;

describe('authentication', () => {
  const t = useTestServer('srj');
  const as = (authorization: string) => ({ url: t.server.url, authorization });

  it('declares a role on every mutation of every subgraph', async () => {
    for (const subgraph of subgraphs) await subgraph.buildSchema();
    const open = getMetadataStorage()
      .mutations.filter((m) => m.roles === undefined)
      .map((m) => m.schemaName);
    expect(open).toEqual([]);
  });

  it('refuses a mutation without credentials: UNAUTHENTICATED, no detail, nothing written', async () => {
    const { errors, data } = await gql(t.server, CREATE_COURT);
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Authentication required',
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'CREDENTIALS_REQUIRED' }),
      }),
    ]);
    expect((await gql(t.server, '{ court(code: "900100") { code } }')).data?.court).toBeNull();
    await expectStillServing(t.server);
  });

  it('refuses a forged token (signed by another key), an expired one, one for another audience or issuer, and garbage', async () => {
    const { privateKey: otherKey } = await generateKeyPair('ES256');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['ADMIN'], iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: 9e9 })).toString('base64url')}.`;
    const tokens = [
      await tokenFor({ roles: [Role.ADMIN] }, otherKey),
      await tokenFor({ roles: [Role.ADMIN], expiresIn: Math.floor(Date.now() / 1000) - 3600 }),
      await tokenFor({ roles: [Role.ADMIN], audience: 'another-api' }),
      await tokenFor({ roles: [Role.ADMIN], issuer: 'https://evil.example' }),
      unsigned,
      'not-a-token',
    ];
    for (const token of tokens) {
      const { status, errors } = await gql(as(`Bearer ${token}`), '{ courts(first: 1) { totalCount } }');
      expect({ status, errors }).toEqual({ status: 401, errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    await expectStillServing(t.server);
  });

  it('accepts a valid token, and records its subject as the actor', async () => {
    const steward = as(`Bearer ${await tokenFor({ sub: 'marie.curie', roles: [Role.STEWARD], stewardOf: ['SRJ'] })}`);
    expect((await gql(steward, CREATE_COURT)).data).toEqual({ createCourt: { code: '900100' } });
    const [entry] = await t.db.orm.em.fork().getConnection().execute('select actor, actor_kind, operation from audit_entry');
    expect(entry).toEqual({ actor: 'marie.curie', actor_kind: 'user', operation: 'createCourt' });
  });
});

describe('anonymous reads off, and tokens checked against a JWKS URL', () => {
  let db: TestDatabase;
  let jwks: Server;
  let server: Awaited<ReturnType<typeof startOneProcessServer>>;
  let sign: (roles: Role[]) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => void res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    sign = (roles) =>
      new SignJWT({ roles })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('jwks-user')
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .setExpirationTime('5m')
        .sign(privateKey);
    db = await createTestDatabase('srj');
    const security = await testSecurity({ anonymousRead: false });
    server = await startOneProcessServer(db.orm, { host: '127.0.0.1', port: 0 }, { ...security, jwt: { ...security.jwt!, publicKeyPem: undefined, jwksUrl } });
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('refuses an anonymous read with 401 UNAUTHENTICATED', async () => {
    const { status, errors } = await gql(server, '{ courts(first: 1) { totalCount } }');
    expect(status).toBe(401);
    expect(errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect((await fetch(`${server.url}/exports/NATINF`)).status).toBe(401);
    expect((await fetch(`${server.url}/exports/NATINF`, { headers: { authorization: `Bearer ${await sign([Role.READER])}` } })).status).toBe(404); // no NATINF here
  });

  it('serves a READER whose token verifies against the JWKS, and refuses a READER mutation with FORBIDDEN', async () => {
    const reader = { url: server.url, authorization: `Bearer ${await sign([Role.READER])}` };
    await expectStillServing(reader);
    const { errors } = await gql(reader, CREATE_COURT);
    expect(errors).toEqual([
      expect.objectContaining({ message: 'Not allowed', extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' }) }),
    ]);
    // A token of the test identity provider (another key) is not one of the JWKS's.
    expect((await gql({ url: server.url, authorization: await bearer([Role.READER]) }, '{ courts(first: 1) { totalCount } }')).status).toBe(401);
  });
});
