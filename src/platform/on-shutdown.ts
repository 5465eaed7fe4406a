import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpServer } from '../kernel/http/http-server';
import { logger } from '../kernel/logger';
import { stopTracing } from '../kernel/tracing/running-tracing';

/** SIGTERM/SIGINT: finish in-flight work through `stop`, then exit; a second signal exits at once. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop()
      .then(stopTracing)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

/**
 * The order a load balancer needs: `/readyz` fails first (for `readinessDelayMs`, so it stops routing here), then
 * in-flight requests drain, then background work (relay batch, dispatcher, counters) stops, then the database closes.
 */
export async function stopGracefully(http: HttpServer, readinessDelayMs: number, ...after: Array<(() => Promise<void>) | undefined>): Promise<void> {
  http.markNotReady();
  if (readinessDelayMs > 0) await sleep(readinessDelayMs);
  await http.stop();
  for (const step of after) await step?.();
}
