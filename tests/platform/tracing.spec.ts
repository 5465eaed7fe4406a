import { fork } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SecurityConfig } from '../../src/kernel/auth/security-config';
import { defaultServiceName, tracingRequested } from '../../src/kernel/tracing/register-tracing';
import { bearer, Role, testSecurity } from '../support/auth';
import { gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTracedProcess, type SpanRecord, type TracedProcess } from '../support/traced-process-client';
import { waitFor } from '../support/nats-server';

const SERVER = 1;
const CLIENT = 2;
/** Our tracing SDK (the gateway loads Apollo's own metrics SDK whatever we do). */
const SDK_MODULE = /@opentelemetry\/(sdk-trace|instrumentation|exporter-trace|context-async-hooks)/;

const QUERY = 'query TracedCourts { courts(first: 2) { edges { node { code name deployments { id } } } } }';

const isSql = (span: SpanRecord) => span.attributes['db.system.name'] === 'postgresql' || span.attributes['db.system'] === 'postgresql';
const isGraphqlParse = (span: SpanRecord) => span.name === 'graphql.parse';
/** graphql's execute, named after the operation (`query TracedCourts__catalog__1`). */
const isGraphqlExecution = (span: SpanRecord) => span.attributes['graphql.operation.type'] !== undefined && /^(query|mutation)\b/.test(span.name);

/** The spans the processes finish for one request: the HTTP server span of `/graphql` ends last, after the answer. */
async function spansOf(processes: TracedProcess[], until: (spans: SpanRecord[]) => boolean): Promise<SpanRecord[]> {
  const spans: SpanRecord[] = [];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    for (const p of processes) spans.push(...(await p.spans()));
    if (until(spans)) return spans;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return spans;
}

const graphqlServerSpan = (service: string) => (span: SpanRecord) =>
  span.kind === SERVER && span.service === service && String(span.attributes['url.path'] ?? span.attributes['http.target']).startsWith('/graphql');

/**
 * OpenTelemetry, on processes started like the real ones (a plain Node child: Jest's module loader hides modules from
 * the instrumentations): one trace per request across the gateway, the subgraph fetches and the SQL, and log lines
 * carrying its id. Off, nothing of the SDK is loaded and nothing is traced.
 */
describe('tracing', () => {
  let db: TestDatabase;
  let security: SecurityConfig;
  const started: TracedProcess[] = [];
  const start = async (...args: Parameters<typeof startTracedProcess>) => {
    const process = await startTracedProcess(...args);
    started.push(process);
    return process;
  };

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    security = await testSecurity();
  });
  afterAll(async () => {
    await Promise.all(started.map((p) => p.stop()));
    await db?.drop();
  });

  describe('one process', () => {
    let server: TracedProcess;
    beforeAll(async () => {
      server = await start({ role: 'one-process', service: 'referentiel-justice', databaseUrl: db.url, security });
      await server.spans(); // start-up's, if any
    });

    it('traces a GraphQL request as one trace: HTTP server span, GraphQL, the gateway and its SQL, its log line', async () => {
      const { data, errors } = await gql({ url: server.urls.gateway }, QUERY);
      expect(errors).toBeUndefined();
      expect(data?.courts.edges).toHaveLength(2);
      const spans = await spansOf([server], (all) => all.some(graphqlServerSpan('referentiel-justice')));
      const root = spans.find(graphqlServerSpan('referentiel-justice'));
      expect(root).toBeDefined();
      expect(root!.parentSpanId).toBeUndefined();
      expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([root!.traceId]));
      expect(spans.filter(isGraphqlParse).length).toBeGreaterThan(0);
      // The gateway's own execution, then the in-memory subgraph fetches (organisation, catalog) execute their SQL.
      expect(spans.filter(isGraphqlExecution).length).toBeGreaterThanOrEqual(2);
      expect(spans.filter(isSql).length).toBeGreaterThan(0);
      expect(spans.every((s) => s.service === 'referentiel-justice')).toBe(true);
      const line = server.logs().find((l) => l.msg === 'graphql' && l.operation === 'TracedCourts');
      expect(line).toMatchObject({ trace_id: root!.traceId });
      expect(spans.map((s) => s.spanId)).toContain(line!.span_id);
    });

    it('traces an import as one span with a span per phase, inside the upload request', async () => {
      const exported = Buffer.from(await (await fetch(`${server.urls.gateway}/exports/NAC`)).arrayBuffer());
      await server.spans();
      const response = await fetch(`${server.urls.gateway}/imports/NAC?filename=nac.csv`, {
        method: 'POST',
        headers: { authorization: await bearer([Role.STEWARD], ['NAC']), 'content-type': 'text/csv' },
        body: exported,
      });
      expect(((await response.json()) as { outcome: string }).outcome).toBe('NO_CHANGE');
      const spans = await spansOf([server], (all) => all.some((s) => s.kind === SERVER && String(s.attributes['url.path']).startsWith('/imports')));
      // The file routes are Express's (/graphql is not: api-chain.ts): its middlewares are in the trace.
      expect(spans.some((s) => s.name.startsWith('middleware') || s.name.startsWith('request handler'))).toBe(true);
      const importSpan = spans.find((s) => s.name === 'import');
      expect(importSpan?.attributes).toMatchObject({ 'rj.referential': 'NAC', 'rj.import.file': expect.any(String), 'rj.import.outcome': 'NO_CHANGE' });
      const phases = spans.filter((s) => s.parentSpanId === importSpan!.spanId && s.name.startsWith('import.')).map((s) => s.name);
      // A phase may run in more than one step (the diff carries validity, then compares): one span per step.
      expect([...new Set(phases)].sort()).toEqual(['import.checks', 'import.diff', 'import.read']);
      const diff = spans.find((s) => s.name === 'import.diff')!;
      expect(spans.filter((s) => isSql(s) && s.parentSpanId === diff.spanId).length).toBeGreaterThan(0);
      expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
    });
  });

  it('traces split mode as one trace: the gateway, its fetches carrying traceparent, each subgraph and its SQL', async () => {
    const services = await start({ role: 'subgraphs', service: 'rj-subgraphs', databaseUrl: db.url, security });
    const gateway = await start({ role: 'gateway', service: 'rj-gateway', urls: services.urls, security });
    await Promise.all([services.spans(), gateway.spans()]);
    const { errors } = await gql({ url: gateway.urls.gateway }, QUERY);
    expect(errors).toBeUndefined();
    const served = (all: SpanRecord[]) => all.filter(graphqlServerSpan('rj-subgraphs')).length >= 2 && all.some(graphqlServerSpan('rj-gateway'));
    const spans = await spansOf([gateway, services], served);
    const root = spans.find(graphqlServerSpan('rj-gateway'))!;
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([root.traceId]));
    const fetches = spans.filter((s) => s.service === 'rj-gateway' && s.kind === CLIENT && String(s.attributes['url.full']).endsWith('/graphql'));
    const subgraphRequests = spans.filter(graphqlServerSpan('rj-subgraphs'));
    // organisation for the courts, catalog for their deployments: each request is a child of one of the gateway's fetches.
    expect(subgraphRequests.length).toBeGreaterThanOrEqual(2);
    for (const request of subgraphRequests) expect(fetches.map((f) => f.spanId)).toContain(request.parentSpanId);
    const subgraphSpans = spans.filter((s) => s.service === 'rj-subgraphs');
    expect(subgraphSpans.filter(isGraphqlExecution).length).toBeGreaterThanOrEqual(2);
    expect(subgraphSpans.filter(isSql).length).toBeGreaterThan(0);
    expect(gateway.logs().find((l) => l.msg === 'graphql' && l.operation === 'TracedCourts')).toMatchObject({ trace_id: root.traceId });
    const tracedLogs = () => services.logs().filter((l) => l.msg === 'graphql' && l.trace_id === root.traceId);
    // A subgraph logs its request once the answer is sent: its line can reach the test after the spans do.
    await waitFor('two traced subgraph log lines', async () => tracedLogs().length >= 2, 5_000).catch(() => undefined);
    expect(tracedLogs().length).toBeGreaterThanOrEqual(2);
  });

  it('with tracing off loads none of the SDK, records nothing, and logs no trace id', async () => {
    const server = await start({ role: 'one-process', databaseUrl: db.url, security });
    expect((await gql({ url: server.urls.gateway }, QUERY)).errors).toBeUndefined();
    expect(await spansOf([server], () => false)).toEqual([]);
    expect(server.logs().find((l) => l.msg === 'graphql' && l.operation === 'TracedCourts')).not.toHaveProperty('trace_id');
    expect((await server.loadedModules()).filter((path) => SDK_MODULE.test(path))).toEqual([]);
    await server.stop();
  });

  describe('entry points (register-tracing)', () => {
    it('names each process of a deployment', () => {
      expect(defaultServiceName(['node', '/app/dist/src/main.js'])).toBe('referentiel-justice');
      expect(defaultServiceName(['node', '/app/dist/src/cli/start-gateway.js', '--port', '4000'])).toBe('rj-gateway');
      expect(defaultServiceName(['node', '/app/dist/src/cli/start-subgraph.js', 'catalog', '--port', '4103'])).toBe('rj-catalog');
      expect(defaultServiceName(['node', '/app/dist/src/cli/import.js', 'NAC', 'nac.csv'])).toBe('rj-import');
    });

    it('is on only with an OTLP endpoint, and not when OTEL_SDK_DISABLED', () => {
      expect(tracingRequested({})).toBe(false);
      expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
      expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
      expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    });

    /** Runs the probe like an entry point, with an OTLP/HTTP receiver on loopback; returns what it received and loaded. */
    async function probe(env: Record<string, string>): Promise<{ received: { path: string; type: string; body: Buffer }[]; modules: string[] }> {
      const received: { path: string; type: string; body: Buffer }[] = [];
      const receiver = createServer((req: IncomingMessage, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          received.push({ path: req.url ?? '', type: String(req.headers['content-type']), body: Buffer.concat(chunks) });
          res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      try {
        const { OTEL_EXPORTER_OTLP_ENDPOINT: _a, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: _b, ...inherited } = process.env;
        const child = fork(join(__dirname, '../support/register-tracing-probe.ts'), [], {
          execArgv: ['--require', join(__dirname, '../support/swc-require.js')],
          env: { ...inherited, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace('$RECEIVER', endpoint)])) },
        });
        const modules = await new Promise<string[]>((resolve, reject) => {
          child.once('message', (message) => resolve(message as string[]));
          child.once('exit', (code) => reject(new Error(`probe exited with ${code}`)));
        });
        return { received, modules };
      } finally {
        receiver.close();
      }
    }

    it('exports over OTLP (protobuf) to OTEL_EXPORTER_OTLP_ENDPOINT, under OTEL_SERVICE_NAME, flushed at exit', async () => {
      const { received, modules } = await probe({ OTEL_EXPORTER_OTLP_ENDPOINT: '$RECEIVER', OTEL_SERVICE_NAME: 'rj-probe' });
      expect(received.map(({ path, type }) => ({ path, type }))).toEqual([{ path: '/v1/traces', type: 'application/x-protobuf' }]);
      // Protobuf keeps strings as UTF-8 bytes: the span's and the service's names are there as written.
      expect(received[0].body.includes('probe')).toBe(true);
      expect(received[0].body.includes('rj-probe')).toBe(true);
      expect(modules.some((path) => SDK_MODULE.test(path))).toBe(true);
    });

    it('without an endpoint, loads none of the SDK and sends nothing', async () => {
      const { received, modules } = await probe({});
      expect(received).toEqual([]);
      expect(modules.filter((path) => SDK_MODULE.test(path))).toEqual([]);
    });
  });
});
