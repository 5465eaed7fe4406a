import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadSecurityConfig, type SecurityConfig } from './auth/security-config';
import { loadOutboundPolicy, type OutboundPolicy } from './net/outbound-policy';

/** The repository root, found from this file whether it runs from `src/` or compiled under `dist/`. */
export const PROJECT_ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** Settings read once from the environment; everything else receives them explicitly. */
export interface AppConfig {
  /** PostgreSQL connection string; unset means "boot the embedded PostgreSQL". */
  databaseUrl?: string;
  embeddedPg: { dir: string; port: number };
  host: string;
  port: number;
  logLevel: string;
  /** Folder with the shared reference CSV files used as demo data. */
  dataDir: string;
  loadDemoData: boolean;
  production: boolean;
  /** Size of the in-memory response cache in MiB; 0 turns it off. */
  responseCacheMb: number;
  /** Authentication, roles, limits. */
  security: SecurityConfig;
  /** The change feed: NATS relay (only when `url` is set) and webhook deliveries. */
  changeFeed: ChangeFeedConfig;
}

export interface ChangeFeedConfig {
  nats: { url?: string; stream: string; subjectPrefix: string };
  webhooks: { enabled: boolean; maxAttempts: number; baseDelayMs: number; timeoutMs: number; outbound: OutboundPolicy };
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** The shared data folder beside the clone wins (it may hold newer extracts); the committed copy is the fallback. */
function defaultDataDir(): string {
  const shared = resolve(PROJECT_ROOT, '..', 'shared', 'data');
  return existsSync(shared) ? shared : resolve(PROJECT_ROOT, 'data');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPg: {
      dir: resolve(env.EMBEDDED_PG_DIR ?? resolve(PROJECT_ROOT, '.data', 'postgres')),
      port: int('EMBEDDED_PG_PORT', 54329),
    },
    host: env.HOST ?? '127.0.0.1',
    port: int('PORT', 4000),
    logLevel: env.LOG_LEVEL ?? 'info',
    dataDir: resolve(env.DATA_DIR ?? defaultDataDir()),
    loadDemoData: env.DEMO_DATA !== 'false',
    responseCacheMb: int('RESPONSE_CACHE_MB', 64),
    production: env.NODE_ENV === 'production',
    security: loadSecurityConfig(env),
    changeFeed: {
      nats: { url: env.NATS_URL || undefined, stream: env.NATS_STREAM || 'RJ_CHANGES', subjectPrefix: env.NATS_SUBJECT_PREFIX || 'rj.changes' },
      webhooks: {
        enabled: env.WEBHOOKS !== 'false',
        maxAttempts: Math.max(1, int('WEBHOOK_MAX_ATTEMPTS', 8)),
        baseDelayMs: int('WEBHOOK_BASE_DELAY_MS', 30_000),
        timeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000),
        outbound: loadOutboundPolicy(env),
      },
    },
  };
}
