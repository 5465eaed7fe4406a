import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { defaultResource, detectResources, envDetector, hostDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { DropOrphanGraphqlSpans } from './drop-orphan-graphql-spans';
import { setRunningTracing } from './running-tracing';

export interface TracingOptions {
  /** `referentiel-justice`, `rj-gateway`, `rj-<subgraph>`; `OTEL_SERVICE_NAME` wins over it. */
  serviceName: string;
  /** Test hook: each span goes to this exporter as it ends, instead of being batched to the OTLP endpoint. */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** Probes of load balancers and scrapers: a span every few seconds per instance would drown the requests. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (url: string | undefined): string => (url ?? '').split('?', 1)[0];

/**
 * The OpenTelemetry SDK: W3C trace context propagation, spans for HTTP (in, and out over node:http and undici, so split
 * mode's subgraph fetches carry `traceparent`), Express, GraphQL and PostgreSQL, exported over OTLP (`OTEL_EXPORTER_OTLP_*`).
 * Must run before http, express, graphql and pg are first loaded: instrumentations patch them as they are required.
 */
export function startTracing(options: TracingOptions): Tracing {
  const version = process.env.npm_package_version;
  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector, hostDetector] }))
    .merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME || options.serviceName,
        ...(version ? { [ATTR_SERVICE_VERSION]: version } : {}),
      }),
    );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new DropOrphanGraphqlSpans(options.exporter ? new SimpleSpanProcessor(options.exporter) : new BatchSpanProcessor(new OTLPTraceExporter())),
    ],
  });
  // Global tracer provider, AsyncLocalStorage context manager, W3C traceparent and baggage propagators.
  provider.register();
  const disableInstrumentations = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has(pathOf(request.url)),
        // An outgoing call outside any request (none today) would start a trace of its own: noise.
        requireParentforOutgoingSpans: true,
      }),
      // The split gateway's subgraph fetches go over undici (gateway/subgraph-fetcher.ts), not node:http.
      new UndiciInstrumentation({ requireParentforSpans: true }),
      new ExpressInstrumentation(),
      // type-graphql gives every field a resolver: one span per field and item would outnumber the useful ones
      // a hundredfold; parse, validate and execute spans, with the SQL below them, say where the time goes.
      new GraphQLInstrumentation({ ignoreResolveSpans: true }),
      // SQL outside a request, an import or a relay batch (pool housekeeping, the relay's idle polling) is noise.
      // Statement text only, never the parameter values (they may be personal data).
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  const tracing: Tracing = {
    shutdown: async () => {
      disableInstrumentations();
      await provider.shutdown();
    },
  };
  // Known to the servers, which then take the whole path for every request (its spans show the plan and fetches).
  setRunningTracing(tracing);
  return tracing;
}
