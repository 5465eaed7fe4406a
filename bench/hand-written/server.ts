import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { benchQueries } from '../queries';
import { HAND_WRITTEN, type HandWrittenAnswer } from './answers';

/**
 * The bench's reference point: the read mix served by a plain `node:http` server over `pg`, no framework, no ORM,
 * no GraphQL: each known query text is routed to its handler. Its own process, like the servers it is compared with.
 * `node dist/bench/hand-written/server.js --port 4987` with DATABASE_URL.
 */
export function startHandWrittenServer(databaseUrl: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  // The same pool size as the platform's (mikro-orm.config.ts): the comparison is of the code, not of connections.
  const db = new Pool({ connectionString: databaseUrl, max: 10 });
  // Only the GraphQL texts are used: the releases shape the plain-SQL column of the mix, not these.
  const handlers = new Map<string, HandWrittenAnswer>(benchQueries({ natinfSized: 0, large: 0 }).map((q) => [q.graphql.query, HAND_WRITTEN[q.name]]));
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, { status: 'ok' });
    if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { errors: [{ message: 'not found' }] });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
    const handler = handlers.get(query);
    if (!handler) return send(res, 400, { errors: [{ message: 'not a query of the bench mix' }] });
    send(res, 200, { data: await handler(db, variables ?? {}) });
  };
  const server = createServer((req, res) => void answer(req, res).catch((error: Error) => send(res, 500, { errors: [{ message: error.message }] })));
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
        stop: async () => {
          await new Promise((done) => server.close(done));
          await db.end();
        },
      });
    });
  });
}

if (require.main === module) {
  const flag = process.argv.indexOf('--port');
  const port = flag >= 0 ? Number(process.argv[flag + 1]) : 4987;
  void startHandWrittenServer(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', port);
}
