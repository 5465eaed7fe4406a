import { basename } from 'node:path';

/**
 * Imported first by every entry point (main, start-gateway, start-subgraph, import), so the instrumentations are in
 * place before http, express, graphql and pg are loaded. An import rather than `node --require`: it holds however
 * the entry point is started (npm scripts, `node dist/src/main.js` in a container, a process manager).
 * Off unless an OTLP endpoint is set; off, the SDK is not even loaded.
 */
export const tracingRequested = (env: NodeJS.ProcessEnv): boolean =>
  env.OTEL_SDK_DISABLED !== 'true' && Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);

/** The process's service name unless `OTEL_SERVICE_NAME` says otherwise: one per process of a split deployment. */
export function defaultServiceName(argv: readonly string[]): string {
  const entry = basename(argv[1] ?? '').replace(/\.[cm]?[jt]s$/, '');
  if (entry === 'start-gateway') return 'rj-gateway';
  if (entry === 'start-subgraph') return `rj-${argv.slice(2).find((a) => !a.startsWith('-')) ?? 'subgraph'}`;
  if (entry === 'import') return 'rj-import';
  return 'referentiel-justice';
}

if (tracingRequested(process.env)) {
  // A synchronous require, only here: the SDK and its instrumentations cost nothing when tracing is off.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, before any instrumented module
  const { startTracing } = require('./start-tracing') as typeof import('./start-tracing');
  startTracing({ serviceName: defaultServiceName(process.argv) });
}
