import type { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';

/**
 * Imported first by traced-process.ts: with TRACED_SERVICE set, tracing starts (spans kept in memory) before any
 * instrumented module is loaded; without it, nothing of the SDK is loaded, as in production with tracing off.
 */
export const exporter: InMemorySpanExporter | null = (() => {
  const serviceName = process.env.TRACED_SERVICE;
  if (!serviceName) return null;
  const { InMemorySpanExporter: Exporter } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { startTracing } = require('../../src/kernel/tracing/start-tracing') as typeof import('../../src/kernel/tracing/start-tracing');
  const inMemory = new Exporter();
  startTracing({ serviceName, exporter: inMemory });
  return inMemory;
})();
