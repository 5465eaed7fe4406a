import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { useTestServer } from '../support/test-server';

const QUERY = JSON.stringify({ query: '{ courts(first: 1) { totalCount } }' });
const ANSWERED = { data: { courts: { totalCount: expect.any(Number) } } };
const MALFORMED = { errors: [{ message: 'Malformed request', extensions: { code: 'BAD_REQUEST' } }] };

/** A POST to /graphql with exactly these bytes and headers (fetch would set or fix some of them). */
function post(url: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `/graphql` reads its JSON body itself (json-body.ts): what body-parser accepted and refused, it still does. */
describe('GraphQL request bodies', () => {
  const t = useTestServer('demo');
  const json = (body: Buffer | string, headers: Record<string, string> = {}) =>
    post(t.server.url, body, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers });

  it('reads JSON in UTF-8, with or without a charset or a byte-order mark, declared or chunked, plain or gzipped', async () => {
    const answers = [
      await json(QUERY),
      await json(QUERY, { 'content-type': 'application/json; charset=UTF-8' }),
      await json(QUERY, { 'content-type': 'Application/JSON;charset="utf-8"' }),
      await json(`\ufeff${QUERY}`),
      await json(`  \n${QUERY}\n`),
      await post(t.server.url, QUERY, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }),
      await post(t.server.url, gzipSync(QUERY), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    ];
    for (const answer of answers) expect(answer).toEqual({ status: 200, body: ANSWERED });
  });

  it('refuses what is not a JSON object or list, and an empty body is an empty request', async () => {
    for (const body of ['"x"', 'null', '42', '{"query": ', '{"query": "{ __typename }"} trailing'])
      expect({ body, answer: await json(body) }).toEqual({ body, answer: { status: 400, body: MALFORMED } });
    expect(await json('')).toEqual({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/^POST body missing/), extensions: { code: 'BAD_REQUEST' } }] },
    });
    expect((await json(QUERY, { 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
  });

  it('keeps serving when a client leaves in the middle of its body', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () => {
        const { port } = new URL(t.server.url);
        return new Promise<void>((resolve) => {
          const socket = connect(Number(port), '127.0.0.1', () => {
            socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
            setTimeout(() => socket.destroy(), 20);
          });
          socket.on('close', () => resolve());
          socket.on('error', () => undefined);
        });
      }),
    );
    expect(await json(QUERY)).toEqual({ status: 200, body: ANSWERED });
  });
});
