import { createPublicKey } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { SecurityConfig } from './security-config';

export type JwtVerifier = (token: string) => Promise<JWTPayload>;

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** OIDC access tokens, checked by `jose`: signature (JWKS URL or PEM public key), issuer, audience, expiry. */
export function jwtVerifier(config: NonNullable<SecurityConfig['jwt']>): JwtVerifier {
  let key: Promise<KeyLike | JWTVerifyGetKey> | undefined;
  const getKey = (): Promise<KeyLike | JWTVerifyGetKey> =>
    (key ??= config.jwksUrl
      ? Promise.resolve(createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 }))
      : importPemOrJwks(config.publicKeyPem!));
  return async (token) => {
    const resolved = await getKey();
    const options = { issuer: config.issuer, audience: config.audience, algorithms: ALGORITHMS, clockTolerance: 30 };
    const { payload } = typeof resolved === 'function' ? await jwtVerify(token, resolved, options) : await jwtVerify(token, resolved, options);
    return payload;
  };
}

/** A PEM public key, or a JWKS document inline (JSON). */
async function importPemOrJwks(material: string): Promise<KeyLike | JWTVerifyGetKey> {
  if (material.trim().startsWith('{')) return createLocalJWKSet(JSON.parse(material));
  // A KeyObject carries its own type, so RSA and EC keys both work; jose still checks the token's `alg` against it.
  return createPublicKey(material);
}
