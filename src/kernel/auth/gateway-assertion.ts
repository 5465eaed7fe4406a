import { jwtVerify, SignJWT } from 'jose';
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

/** Throws when the assertion is missing its signature, expired, or meant for another subgraph. */
export async function verifyGatewayAssertion(token: string, subgraph: string, secret: string): Promise<Principal> {
  const { payload } = await jwtVerify(token, secretKey(secret), { issuer: ISSUER, audience: subgraph, algorithms: ['HS256'] });
  const kind = payload.kind === 'user' || payload.kind === 'application' ? payload.kind : 'anonymous';
  return {
    kind,
    id: String(payload.sub ?? 'anonymous'),
    roles: Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [],
    stewardOf: Array.isArray(payload.steward_of) ? payload.steward_of.map(String) : [],
    allowListOnly: payload.allow_list_only === true,
  };
}

/** A lone subgraph (split mode) trusts only the gateway: no assertion, or a bad one, is UNAUTHENTICATED. */
export function assertionAuthenticator(subgraph: string, secret: string): (headers: Record<string, string | string[] | undefined>) => Promise<Principal> {
  return async (headers) => {
    const assertion = headers[GATEWAY_ASSERTION_HEADER];
    if (typeof assertion !== 'string' || !assertion) throw new AuthException(AuthExceptionCode.CREDENTIALS_REQUIRED);
    try {
      return await verifyGatewayAssertion(assertion, subgraph, secret);
    } catch (error) {
      logger.warn({ subgraph, why: (error as Error).message }, 'gateway assertion refused');
      throw new AuthException(AuthExceptionCode.INVALID_CREDENTIALS);
    }
  };
}
