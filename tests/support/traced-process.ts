import { exporter } from './traced-process-tracing'; // first: tracing must start before the servers' modules load
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SecurityConfig } from '../../src/kernel/auth/security-config';
import { connectOrm } from '../../src/kernel/database/database';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { ormModel } from '../../src/platform/orm-model';
import { startGatewayServer, startOneProcessServer, startSubgraphServer } from '../../src/platform/servers';
import { subgraphs } from '../../src/subgraphs';
import type { SpanRecord, TracedRole, TracedReply, TracedRequest } from './traced-process-client';

/**
 * The servers of one deployment role in a plain Node process (see swc-require.js), driven by the test over IPC:
 * `one-process`, `subgraphs` (each on its own port) or `gateway` (calling TRACED_URLS). Logs go to stdout.
 */
async function main(): Promise<void> {
  const role = process.env.TRACED_ROLE as TracedRole;
  const security = JSON.parse(process.env.TRACED_SECURITY!) as SecurityConfig;
  const listen = { host: '127.0.0.1', port: 0 };
  let orm: MikroORM | undefined;
  let servers: HttpServer[];
  let urls: Record<string, string>;
  if (role === 'gateway') {
    servers = [await startGatewayServer(JSON.parse(process.env.TRACED_URLS!) as Record<string, string>, listen, { security })];
    urls = { gateway: servers[0].url };
  } else {
    orm = await connectOrm(process.env.DATABASE_URL!, ormModel);
    const database = orm;
    servers =
      role === 'one-process'
        ? [await startOneProcessServer(database, listen, security)]
        : await Promise.all(subgraphs.map((s) => startSubgraphServer(database, s, listen, security)));
    urls = role === 'one-process' ? { gateway: servers[0].url } : Object.fromEntries(subgraphs.map((s, i) => [s.name, `${servers[i].url}/graphql`]));
  }
  const reply = (message: TracedReply) => process.send!(message);
  process.on('message', (request: TracedRequest) => {
    if (request === 'spans') {
      const spans: SpanRecord[] = (exporter?.getFinishedSpans() ?? []).map((span) => ({
        traceId: span.spanContext().traceId,
        spanId: span.spanContext().spanId,
        parentSpanId: span.parentSpanContext?.spanId,
        name: span.name,
        kind: span.kind,
        service: String(span.resource.attributes['service.name']),
        attributes: span.attributes,
      }));
      exporter?.reset();
      reply({ spans });
    } else if (request === 'modules') {
      reply({ modules: Object.keys(require.cache).filter((path) => path.includes('@opentelemetry')) });
    } else if (request === 'stop') {
      void Promise.all(servers.map((s) => s.stop()))
        .then(() => orm?.close(true))
        .finally(() => process.exit(0));
    }
  });
  reply({ urls });
}

main().catch((error: Error) => {
  process.stderr.write(`traced process failed: ${error.stack}\n`);
  process.exit(1);
});
