import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { EXPLORER_DIR } from '../../src/kernel/http/explorer';
import { startExplorerServer, type ExplorerServer } from '../support/explorer-server';

/** Raw HTTP (fetch would decode silently): status, headers and the bytes as sent. */
function get(
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: body ? 'POST' : 'GET', headers: body ? { ...headers, 'content-type': 'application/json' } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The explorer's files go out compressed and long-cached; GraphQL answers are compressed when the client asks. */
describe('explorer delivery: compression and caching', () => {
  let server: ExplorerServer;
  beforeAll(async () => {
    server = await startExplorerServer();
  });
  afterAll(async () => server?.stop());

  it('sends hashed scripts precompressed (brotli, else gzip) with a one-year immutable cache', async () => {
    const script = readdirSync(`${EXPLORER_DIR}/assets`).find((f) => /^index-.*\.js$/.test(f))!;
    const url = `${server.http.url}/explorer/assets/${script}`;
    const plain = await get(url);
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 2);
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.bytes).equals(plain.bytes)).toBe(true);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // index.html is never cached: a rebuild shows at once.
    expect((await get(`${server.http.url}/explorer/courts`)).headers['cache-control']).toBe('no-cache');
  });

  it('compresses GraphQL answers when asked, from Apollo and from the response cache alike', async () => {
    const body = JSON.stringify({ query: '{ courts(first: 100) { edges { node { code name shortName type } } } }' });
    const miss = await get(`${server.http.url}/graphql`, { 'accept-encoding': 'gzip' }, body);
    expect(miss.status).toBe(200);
    expect(miss.headers['content-encoding']).toBe('gzip');
    const answer = JSON.parse(gunzipSync(miss.bytes).toString()) as { data: { courts: { edges: unknown[] } } };
    expect(answer.data.courts.edges).toHaveLength(100);
    const hit = await get(`${server.http.url}/graphql`, { 'accept-encoding': 'gzip' }, body);
    expect(hit.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(hit.bytes).toString()).toBe(gunzipSync(miss.bytes).toString());
    const identity = await get(`${server.http.url}/graphql`, {}, body);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identity.bytes.toString())).toEqual(answer);
  });

  it("answers the gateway's query plan for a document, and a 400 naming the fault for a bad one", async () => {
    const plan = await get(`${server.http.url}/explorer/api/query-plan`, {}, JSON.stringify({ query: '{ court(code: "100023") { name } }' }));
    expect(plan.status).toBe(200);
    expect((JSON.parse(plan.bytes.toString()) as { plan: string }).plan).toContain('Fetch(service: "organisation")');
    const empty = await get(`${server.http.url}/explorer/api/query-plan`, {}, JSON.stringify({}));
    expect(empty.status).toBe(400);
    const broken = await get(`${server.http.url}/explorer/api/query-plan`, {}, JSON.stringify({ query: '{ court(' }));
    expect(broken.status).toBe(400);
    expect(broken.bytes.toString()).toContain('Syntax Error');
  });
});
