import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { Role } from '../../src/kernel/auth/role.enum';
import { loadSecurityConfig, type SecurityConfig } from '../../src/kernel/auth/security-config';

export { Role };

export const TEST_ISSUER = 'https://idp.test.justice.fr';
export const TEST_AUDIENCE = 'referentiel-justice';

/** The identity provider of the tests: one ES256 key pair per test file, its public key given to the servers. */
const keyPair: Promise<{ privateKey: KeyLike; publicKeyPem: string }> = (async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { privateKey, publicKeyPem: await exportSPKI(publicKey) };
})();

/** Development defaults, plus the test identity provider and a rate limit no functional suite reaches. */
export async function testSecurity(overrides: Partial<SecurityConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<SecurityConfig> {
  const base = loadSecurityConfig({ NODE_ENV: 'test', ...env });
  return {
    ...base,
    jwt: { publicKeyPem: (await keyPair).publicKeyPem, issuer: TEST_ISSUER, audience: TEST_AUDIENCE, rolesClaim: 'roles', stewardOfClaim: 'steward_of' },
    rateLimitPerMinute: 1_000_000,
    ...overrides,
  };
}

export interface TokenClaims {
  roles: Role[];
  stewardOf?: string[];
  sub?: string;
  /** jose time span, e.g. '5m'; or an absolute epoch in seconds (in the past for an expired token). */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

/** A person's bearer token, as the identity provider would sign it. */
export async function tokenFor(claims: TokenClaims, privateKey?: KeyLike): Promise<string> {
  return new SignJWT({ roles: claims.roles, steward_of: claims.stewardOf ?? [] })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(claims.sub ?? `test-${claims.roles.join('-').toLowerCase() || 'nobody'}`)
    .setIssuer(claims.issuer ?? TEST_ISSUER)
    .setAudience(claims.audience ?? TEST_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '10m')
    .sign(privateKey ?? (await keyPair).privateKey);
}

/** `Authorization` of a person holding these roles (STEWARD of `stewardOf`). */
export const bearer = async (roles: Role[], stewardOf: string[] = []): Promise<string> => `Bearer ${await tokenFor({ roles, stewardOf })}`;
