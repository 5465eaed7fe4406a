/** Observed usage settings (see the README's Configuration table), read once from the environment. */
export interface UsageConfig {
  /** `USAGE_TRACKING=false` turns the counting off in this process. */
  enabled: boolean;
  /** Counters are written every this many seconds (and at shutdown); a crash loses at most this interval. */
  flushSeconds: number;
  /** Hourly rows older than this are rolled up into one row per day. */
  hourlyDays: number;
  /** Daily rows older than this are deleted. */
  dailyDays: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadUsageConfig(env: NodeJS.ProcessEnv = process.env): UsageConfig {
  return {
    enabled: env.USAGE_TRACKING !== 'false',
    flushSeconds: positive(env, 'USAGE_FLUSH_SECONDS', 5),
    hourlyDays: positive(env, 'USAGE_HOURLY_RETENTION_DAYS', 30),
    dailyDays: positive(env, 'USAGE_DAILY_RETENTION_DAYS', 730),
  };
}
