import type { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';

/**
 * Imported first by traced-process.ts: with TRACED_SERVICE set, tracing starts (spans kept in memory) before any
 * instrumented module is loaded; without it, nothing of the SDK is loaded, as in production with tracing off.
 */
export const exporter: InMemorySpanExporter | null = (() => {
  const serviceName = process.env.TRACED_SERVICE;
  if (!serviceName) return null;
  /* eslint-disable @typescript-eslint/no-require-imports -- nothing of the SDK may load before TRACED_SERVICE is read */
  const { InMemorySpanExporter: Exporter } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { startTracing } = require('../../src/kernel/tracing/start-tracing') as typeof import('../../src/kernel/tracing/start-tracing');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const inMemory = new Exporter();
  startTracing({ serviceName, exporter: inMemory });
  return inMemory;
})();
