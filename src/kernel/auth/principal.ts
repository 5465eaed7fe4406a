import { AuthException, AuthExceptionCode } from './auth.exception';
import { Role } from './role.enum';

/** Who acts: a person (OIDC token), an application (API key) or nobody (anonymous read, when configured). */
export interface Principal {
  kind: 'user' | 'application' | 'anonymous';
  /** The token's subject, or `key:<prefix>` for an API key; recorded as the actor. */
  id: string;
  roles: Role[];
  /** Referential codes this principal is STEWARD of (ADMIN stewards all of them). */
  stewardOf: string[];
  /** API keys held to the persisted-operation allow-list. */
  allowListOnly?: boolean;
  /** The catalog application an API key belongs to: observed usage is counted under it. */
  application?: string;
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous', id: 'anonymous', roles: [], stewardOf: [] }) as Principal;

/** The organisation (courts) is stewarded like a referential, under this code. */
export const SRJ_REFERENTIAL = 'SRJ';

export const isAuthenticated = (principal: Principal): boolean => principal.kind !== 'anonymous';

export const hasRole = (principal: Principal, role: Role): boolean => principal.roles.includes(Role.ADMIN) || principal.roles.includes(role);

export const isStewardOf = (principal: Principal, referentialCode: string): boolean =>
  principal.roles.includes(Role.ADMIN) || (principal.roles.includes(Role.STEWARD) && principal.stewardOf.includes(referentialCode.toUpperCase()));

/** Refuses anyone but ADMIN and the stewards of this referential (UNAUTHENTICATED when anonymous). */
export function assertSteward(principal: Principal, referentialCode: string): void {
  if (!isAuthenticated(principal)) throw new AuthException(AuthExceptionCode.CREDENTIALS_REQUIRED);
  if (!isStewardOf(principal, referentialCode)) throw new AuthException(AuthExceptionCode.NOT_ALLOWED);
}
