import type { Store } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { RedisStore } from 'rate-limit-redis';
import { logger } from '../logger';

export interface SharedRateLimitStore {
  store: Store;
  close(): Promise<void>;
}

/**
 * Rate-limit counters in Redis, shared by every instance behind the load balancer (one budget per caller, not one per
 * instance). Commands fail fast while Redis is unreachable; the limiter then lets requests through (logged).
 */
/** A store that was created while Redis was down keeps its failed script loads: load them again once it answers. */
class ResilientRedisStore extends RedisStore {
  override async increment(key: string): ReturnType<RedisStore['increment']> {
    try {
      return await super.increment(key);
    } catch (error) {
      this.incrementScriptSha = this.loadIncrementScript();
      this.getScriptSha = this.loadGetScript();
      // Either may fail again while Redis is down: the next request retries, nothing is left unhandled.
      this.incrementScriptSha.catch(() => undefined);
      this.getScriptSha.catch(() => undefined);
      throw error;
    }
  }
}

export function redisRateLimitStore(redisUrl: string, prefix: string): SharedRateLimitStore {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 2_000, lazyConnect: false });
  let warned = false;
  client.on('error', (error: Error) => {
    if (!warned) logger.warn({ detail: error.message }, 'Redis unreachable: rate limits are not shared until it is back');
    warned = true;
  });
  client.on('ready', () => void (warned = false));
  const store = new ResilientRedisStore({ prefix, sendCommand: (command: string, ...args: string[]) => client.call(command, ...args) as Promise<never> });
  return { store, close: async () => void (await client.quit().catch(() => client.disconnect())) };
}
