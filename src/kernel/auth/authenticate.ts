import type { MikroORM } from '@mikro-orm/postgresql';
import type { JWTPayload } from 'jose';
import { logger } from '../logger';
import { apiKeyPrefix, looksLikeApiKey, sameHash, sameSecret } from './api-key-secret';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { jwtVerifier, type JwtVerifier } from './jwt-verifier';
import { ANONYMOUS, type Principal } from './principal';
import { isRole, Role } from './role.enum';
import type { SecurityConfig } from './security-config';

export type Headers = Record<string, string | string[] | undefined>;
/** Who sent this request; throws an AuthException (UNAUTHENTICATED) for bad or missing credentials. */
export type Authenticate = (headers: Headers) => Promise<Principal>;

interface ApiKeyRow {
  id: number;
  secret_hash: string;
  roles: string[] | string;
  steward_of: string[];
  allow_list_only: boolean;
  application: string | null;
  usable: boolean;
}

/**
 * `Authorization: Bearer <token or key>`, or `x-api-key: <key>`. A header that is there but malformed (`Bearer`
 * alone, `Basic …`, garbage, an empty key) is refused, never taken as "no credentials" (anonymous).
 */
export function credentialOf(headers: Headers): string | undefined {
  const { authorization } = headers;
  const apiKey = headers['x-api-key'];
  if (authorization !== undefined) {
    const bearer = typeof authorization === 'string' ? /^Bearer +(\S+) *$/i.exec(authorization)?.[1] : undefined;
    return bearer ?? refuse('malformed Authorization header');
  }
  if (apiKey === undefined) return undefined;
  return typeof apiKey === 'string' && /^\S+$/.test(apiKey) ? apiKey : refuse('malformed x-api-key header');
}

const listClaim = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];

/** Postgres returns an enum array as its text form (`{ADMIN,READER}`) unless the type is registered. */
const pgArray = (value: string[] | string): string[] =>
  Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);

const refuse = (why: string): never => {
  logger.warn({ why }, 'credentials refused');
  throw new AuthException(AuthExceptionCode.INVALID_CREDENTIALS);
};

/**
 * People by OIDC bearer tokens (jose), applications by API keys (looked up on every request, so a revoked key is
 * refused at once), nobody when anonymous reads are on. The gateway and the import route use it; subgraphs in
 * split mode trust the gateway's signed assertion instead.
 */
export function createAuthenticator(config: SecurityConfig, orm?: MikroORM): Authenticate {
  const verifyJwt: JwtVerifier | undefined = config.jwt ? jwtVerifier(config.jwt) : undefined;

  const fromApiKey = async (key: string): Promise<Principal> => {
    if (config.devAdminKey && sameSecret(key, config.devAdminKey)) return { kind: 'application', id: 'dev-admin-key', roles: [Role.ADMIN], stewardOf: [] };
    const prefix = apiKeyPrefix(key);
    if (!prefix || !orm) return refuse('malformed API key, or no key store');
    const connection = orm.em.getConnection();
    const [row] = (await connection.execute(
      'select id, secret_hash, roles, steward_of, allow_list_only, application, (revoked_at is null and expires_at > now()) as usable from api_key where prefix = ?',
      [prefix],
    )) as ApiKeyRow[];
    if (!row || !sameHash(key, row.secret_hash)) return refuse(`unknown API key ${prefix}`);
    if (!row.usable) return refuse(`revoked or expired API key ${prefix}`);
    // At most one write a minute per key: "last used" is for spotting dead keys, not an access log.
    await connection.execute("update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')", [
      row.id,
    ]);
    return {
      kind: 'application',
      id: `key:${prefix}`,
      roles: pgArray(row.roles).filter(isRole),
      stewardOf: row.steward_of,
      allowListOnly: row.allow_list_only,
      application: row.application ?? undefined,
    };
  };

  const fromJwt = async (token: string): Promise<Principal> => {
    if (!verifyJwt) return refuse('a bearer token, and no JWT verification configured');
    let payload: JWTPayload;
    try {
      payload = await verifyJwt(token);
    } catch (error) {
      return refuse(`JWT: ${(error as Error).message}`);
    }
    if (!payload.sub) return refuse('JWT without a subject');
    const jwt = config.jwt!;
    return {
      kind: 'user',
      id: payload.sub.slice(0, 200),
      roles: listClaim(payload[jwt.rolesClaim]).filter(isRole),
      stewardOf: listClaim(payload[jwt.stewardOfClaim]).map((c) => c.toUpperCase()),
    };
  };

  return async (headers) => {
    const credential = credentialOf(headers);
    if (!credential) {
      if (config.anonymousRead) return ANONYMOUS;
      throw new AuthException(AuthExceptionCode.CREDENTIALS_REQUIRED);
    }
    return looksLikeApiKey(credential) ? fromApiKey(credential) : fromJwt(credential);
  };
}
