/** Authentication and limits, read once from the environment (see the README's Configuration table). */
export interface SecurityConfig {
  production: boolean;
  /** OIDC bearer tokens: verified against a JWKS URL or a public key (PEM), with issuer and audience checked. */
  jwt?: { jwksUrl?: string; publicKeyPem?: string; issuer: string; audience: string; rolesClaim: string; stewardOfClaim: string };
  /** HS256 secret the gateway signs its principal assertions to the subgraphs with. */
  gatewaySecret: string;
  /** Anonymous principals may read (never write). */
  anonymousRead: boolean;
  /** The documented local ADMIN key, honoured outside production only. */
  devAdminKey?: string;
  /** Every operation must be in the committed allow-list (otherwise only keys flagged `allowListOnly` are held to it). */
  enforceAllowList: boolean;
  allowIntrospection: boolean;
  allowIde: boolean;
  /** Allowed browser origins; empty: no cross-origin browser access. */
  corsOrigins: string[];
  /** Requests per minute per principal (key, user, or IP when anonymous). */
  rateLimitPerMinute: number;
  /** JSON body limit of /graphql, in bytes. */
  maxBodyBytes: number;
  /** Redis shared by the instances (rate-limit counters); unset: each process counts alone. */
  redisUrl?: string;
  /** Prefix of this deployment's Redis keys (several deployments may share one Redis). */
  redisPrefix: string;
  /** On SIGTERM: how long `/readyz` fails before the drain starts, and how long in-flight requests may take. */
  shutdownReadinessDelayMs: number;
  shutdownGraceMs: number;
  limits: { maxDepth: number; maxCost: number; maxAliases: number; maxTokens: number; maxDirectives: number };
}

/** Works out of the box on a developer's machine, never in production (printed at start-up and in the README). */
export const DEV_ADMIN_KEY = 'rj_dev_local-admin-key-not-for-production';
export const DEV_GATEWAY_SECRET = 'dev-gateway-secret-not-for-production';

function missing(name: string): never {
  throw new Error(`${name} must be set in production`);
}

const flag = (raw: string | undefined, fallback: boolean): boolean => (raw === undefined || raw === '' ? fallback : raw === 'true');

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadSecurityConfig(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const production = env.NODE_ENV === 'production';
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  const publicKeyPem = env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n') || undefined;
  if ((jwksUrl || publicKeyPem) && (!env.JWT_ISSUER || !env.JWT_AUDIENCE))
    throw new Error('JWT_ISSUER and JWT_AUDIENCE must be set with JWT_JWKS_URL or JWT_PUBLIC_KEY');
  const gatewaySecret = env.GATEWAY_SECRET || (production ? missing('GATEWAY_SECRET') : DEV_GATEWAY_SECRET);
  if (gatewaySecret.length < 32) throw new Error('GATEWAY_SECRET must be at least 32 characters');
  return {
    production,
    jwt:
      jwksUrl || publicKeyPem
        ? {
            jwksUrl,
            publicKeyPem,
            issuer: env.JWT_ISSUER!,
            audience: env.JWT_AUDIENCE!,
            rolesClaim: env.JWT_ROLES_CLAIM || 'roles',
            stewardOfClaim: env.JWT_STEWARD_OF_CLAIM || 'steward_of',
          }
        : undefined,
    gatewaySecret,
    anonymousRead: flag(env.ANONYMOUS_READ, !production),
    devAdminKey: production ? undefined : DEV_ADMIN_KEY,
    enforceAllowList: env.OPERATION_ALLOWLIST === 'enforce',
    allowIntrospection: flag(env.ALLOW_INTROSPECTION, !production),
    allowIde: flag(env.ALLOW_IDE, !production),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    // A developer's explorer (search as you type) shares one anonymous budget per IP: roomier outside production.
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', production ? 600 : 6000),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024 * 1024),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || 'rj:',
    // A load balancer polling /readyz every few seconds needs that long to stop routing here.
    shutdownReadinessDelayMs: env.SHUTDOWN_READINESS_DELAY_MS === '0' ? 0 : int(env, 'SHUTDOWN_READINESS_DELAY_MS', production ? 5_000 : 0),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000),
    limits: {
      maxDepth: int(env, 'MAX_QUERY_DEPTH', 15),
      maxCost: int(env, 'MAX_QUERY_COST', 20000),
      maxAliases: int(env, 'MAX_QUERY_ALIASES', 30),
      maxTokens: int(env, 'MAX_QUERY_TOKENS', 5000),
      maxDirectives: int(env, 'MAX_QUERY_DIRECTIVES', 50),
    },
  };
}
