import type { Tracing } from './start-tracing';

let running: Tracing | null = null;

/** Set by startTracing when the SDK is started. */
export function setRunningTracing(tracing: Tracing): void {
  running = tracing;
}

/** Exports the spans still buffered before the process exits (a no-op when tracing is off). */
export async function stopTracing(): Promise<void> {
  const tracing = running;
  running = null;
  await tracing?.shutdown().catch(() => undefined);
}

/** The running SDK, or null when tracing is off (no OTLP endpoint). */
export const runningTracing = (): Tracing | null => running;
