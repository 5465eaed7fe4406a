import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { logger } from '../logger';
import { AuthException, AuthExceptionCode } from './auth.exception';
import type { Principal } from './principal';
import { isRole } from './role.enum';

/** The header the gateway signs the caller's principal into; subgraphs in split mode trust nothing else. */
export const GATEWAY_ASSERTION_HEADER = 'x-gateway-assertion';
const ISSUER = 'referentiel-justice-gateway';
/** The `reason` of a lone subgraph's refusal of the assertion itself (missing, forged, expired, for another subgraph). */
export const GATEWAY_ASSERTION_REFUSED = 'GATEWAY_ASSERTION_REFUSED';
const LIFETIME_SECONDS = 60;

const secretKey = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** A short-lived HS256 JWT for one subgraph (its name is the audience), carrying the authenticated principal. */
export function signGatewayAssertion(principal: Principal, subgraph: string, secret: string): Promise<string> {
  return new SignJWT({ kind: principal.kind, roles: principal.roles, steward_of: principal.stewardOf, allow_list_only: principal.allowListOnly ?? false })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.id)
    .setIssuer(ISSUER)
    .setAudience(subgraph)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(secretKey(secret));
}

/**
 * The gateway's signer: an assertion is signed once per principal and subgraph, then reused for half its lifetime
 * (the same claims; an HMAC and a JWT encoding per fetch were 7 % of the split gateway's CPU). A principal whose roles
 * change is another key; a revoked key never reaches a fetch (the gateway authenticates each request).
 */
export function gatewayAssertionSigner(secret: string): (principal: Principal, subgraph: string) => Promise<string> {
  const signed = new LRUCache<string, { assertion: Promise<string>; renewAt: number }>({ max: 10_000 });
  return (principal, subgraph) => {
    const key = JSON.stringify([subgraph, principal.kind, principal.id, principal.roles, principal.stewardOf, principal.allowListOnly ?? false]);
    const known = signed.get(key);
    if (known && known.renewAt > Date.now()) return known.assertion;
    const assertion = signGatewayAssertion(principal, subgraph, secret);
    signed.set(key, { assertion, renewAt: Date.now() + (LIFETIME_SECONDS * 1000) / 2 });
    assertion.catch(() => signed.delete(key));
    return assertion;
  };
}

/** Throws when the assertion is missing its signature, expired, or meant for another subgraph. */
export async function verifyGatewayAssertion(token: string, subgraph: string, secret: string): Promise<Principal> {
  return (await verifiedAssertion(token, subgraph, secret)).principal;
}

async function verifiedAssertion(token: string, subgraph: string, secret: string): Promise<{ principal: Principal; expiresAt: number }> {
  const { payload } = await jwtVerify(token, secretKey(secret), { issuer: ISSUER, audience: subgraph, algorithms: ['HS256'] });
  const kind = payload.kind === 'user' || payload.kind === 'application' ? payload.kind : 'anonymous';
  const principal: Principal = {
    kind,
    id: String(payload.sub ?? 'anonymous'),
    roles: Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [],
    stewardOf: Array.isArray(payload.steward_of) ? payload.steward_of.map(String) : [],
    allowListOnly: payload.allow_list_only === true,
  };
  return { principal: Object.freeze(principal), expiresAt: (payload.exp ?? 0) * 1000 };
}

/**
 * A lone subgraph (split mode) trusts only the gateway: no assertion, or a bad one, is UNAUTHENTICATED. An assertion
 * verified once is trusted as such until it expires (the gateway sends the same one for half a minute).
 */
export function assertionAuthenticator(subgraph: string, secret: string): (headers: Record<string, string | string[] | undefined>) => Promise<Principal> {
  const verified = new LRUCache<string, { principal: Principal; expiresAt: number }>({ max: 10_000 });
  return async (headers) => {
    const assertion = headers[GATEWAY_ASSERTION_HEADER];
    if (typeof assertion !== 'string' || !assertion) throw new AuthException(AuthExceptionCode.CREDENTIALS_REQUIRED);
    const known = verified.get(assertion);
    if (known && known.expiresAt > Date.now()) return known.principal;
    try {
      const fresh = await verifiedAssertion(assertion, subgraph, secret);
      verified.set(assertion, fresh);
      return fresh.principal;
    } catch (error) {
      logger.warn({ subgraph, why: (error as Error).message }, 'gateway assertion refused');
      throw new AuthException(AuthExceptionCode.INVALID_CREDENTIALS);
    }
  };
}
