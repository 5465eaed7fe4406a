import { AuthException } from '../../src/kernel/auth/auth.exception';
import { assertionAuthenticator, GATEWAY_ASSERTION_HEADER, gatewayAssertionSigner, verifyGatewayAssertion } from '../../src/kernel/auth/gateway-assertion';
import type { Principal } from '../../src/kernel/auth/principal';
import { Role } from '../../src/kernel/auth/role.enum';

const SECRET = 'a-gateway-secret-of-at-least-32-characters';
const reader: Principal = { kind: 'application', id: 'key-1', roles: [Role.READER], stewardOf: [], allowListOnly: false };

/** The assertions a split gateway signs, and a lone subgraph verifies, are reused: never past what they say. */
describe('gateway assertions, signed and verified once', () => {
  // One fake clock for jose (`new Date()`) and the caches (`Date.now()`).
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-29T08:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('signs one assertion per principal and subgraph, another as soon as the roles differ', async () => {
    const sign = gatewayAssertionSigner(SECRET);
    const first = await sign(reader, 'organisation');
    expect(await sign(reader, 'organisation')).toBe(first);
    expect(await sign(reader, 'catalog')).not.toBe(first);
    const admin = await sign({ ...reader, roles: [Role.READER, Role.ADMIN] }, 'organisation');
    expect(admin).not.toBe(first);
    expect((await verifyGatewayAssertion(admin, 'organisation', SECRET)).roles).toEqual([Role.READER, Role.ADMIN]);
    const steward = await sign({ ...reader, stewardOf: ['NATINF'] }, 'organisation');
    expect((await verifyGatewayAssertion(steward, 'organisation', SECRET)).stewardOf).toEqual(['NATINF']);
  });

  it('signs a fresh one once half its lifetime has gone', async () => {
    const sign = gatewayAssertionSigner(SECRET);
    const first = await sign(reader, 'organisation');
    jest.advanceTimersByTime(29_000);
    expect(await sign(reader, 'organisation')).toBe(first);
    jest.advanceTimersByTime(2_000);
    const later = await sign(reader, 'organisation');
    expect(later).not.toBe(first);
    const expiry = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp;
    expect(expiry(later) - expiry(first)).toBe(31);
  });

  it('trusts a verified assertion again only until it expires, and never one forged with the same claims', async () => {
    const authenticate = assertionAuthenticator('organisation', SECRET);
    const token = await gatewayAssertionSigner(SECRET)(reader, 'organisation');
    expect(await authenticate({ [GATEWAY_ASSERTION_HEADER]: token })).toMatchObject({ id: 'key-1', roles: [Role.READER] });
    const forged = await gatewayAssertionSigner('x'.repeat(40))(reader, 'organisation');
    await expect(authenticate({ [GATEWAY_ASSERTION_HEADER]: forged })).rejects.toBeInstanceOf(AuthException);
    jest.advanceTimersByTime(59_000);
    expect(await authenticate({ [GATEWAY_ASSERTION_HEADER]: token })).toMatchObject({ id: 'key-1' });
    jest.advanceTimersByTime(2_000);
    await expect(authenticate({ [GATEWAY_ASSERTION_HEADER]: token })).rejects.toBeInstanceOf(AuthException);
  });
});
