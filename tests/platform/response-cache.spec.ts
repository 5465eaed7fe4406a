import { Role } from '../support/auth';
import { useTestServer } from '../support/test-server';
import { withoutApproval } from '../builders/approval.builder';
import type { Untyped } from '../support/untyped';

const ENTRY = `query($code: ID!) { entry(referential: "NAC", code: $code) { code label } }`;
const DRAFT = `mutation { createDraft(referential: "NAC", notes: "cache test") { version } }`;
const UPSERT = `mutation($v: Int!, $label: String!) { upsertEntry(referential: "NAC", expectedVersion: $v, input: { code: "20E", label: $label, parentCode: "20" }) { code } }`;
const PUBLISH = `mutation($v: Int!) { publishRelease(referential: "NAC", expectedVersion: $v) { number } }`;

/** The response cache: hits for repeated reads, never a stale answer once a change has returned. */
describe('response cache', () => {
  const t = useTestServer('demo', withoutApproval('NAC'));

  /** Anonymous unless `as` names the caller's roles; mutations are a NAC steward's. */
  const post = async (query: string, variables: Record<string, unknown> = {}, as?: [Role[], string[]?]) => {
    const caller = as ?? (query.startsWith('mutation') ? ([[Role.STEWARD], ['NAC']] as [Role[], string[]]) : undefined);
    const authorization = caller ? await t.as(caller[0], caller[1]).authorization : undefined;
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Untyped; errors?: { extensions?: { code?: string } }[] };
    return { body, cache: response.headers.get('x-cache'), cacheControl: response.headers.get('cache-control'), etag: response.headers.get('etag') };
  };

  it('answers a repeated query from the cache with one SQL statement (the data versions), and other variables afresh', async () => {
    const first = await post(ENTRY, { code: '20E' });
    expect(first.cache).toBe('MISS');
    t.db.queries.length = 0;
    const second = await post(ENTRY, { code: '20E' });
    expect(second).toMatchObject({ cache: 'HIT', body: first.body, etag: first.etag, cacheControl: 'private, no-cache' });
    expect(t.db.queries.filter((q) => /\bselect\b/i.test(q))).toEqual([expect.stringContaining('from data_version')]);
    t.db.queries.length = 0;
    expect((await post(ENTRY, { code: '20A' })).cache).toBe('MISS');
    // A miss too reads the versions once: Apollo's plugin stores the answer under the key the fast path worked out.
    expect(t.db.queries.filter((q) => q.includes('from data_version'))).toHaveLength(1);
  });

  /**
   * 20 identical requests sent while another transaction holds `table`, released after half a second: they all
   * arrive while the first one waits on it. The statements logged from then on are the burst's.
   */
  const burstWhileLocked = async (table: string, variables: Record<string, unknown>) => {
    const writer = t.db.orm.em.fork();
    await writer.begin();
    await writer.execute(`lock table ${table} in access exclusive mode`);
    t.db.queries.length = 0;
    const burst = Promise.all(Array.from({ length: 20 }, () => post(ENTRY, variables)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await writer.rollback();
    return burst;
  };

  it('reads the data versions once for a burst of requests that arrive while a read is running', async () => {
    await post(ENTRY, { code: '20E' });
    const answers = await burstWhileLocked('data_version', { code: '20E' });
    expect(answers.every((a) => a.cache === 'HIT')).toBe(true);
    // The first read, then one shared by everyone who arrived while it waited.
    expect(t.db.queries.filter((q) => q.includes('from data_version')).length).toBeLessThanOrEqual(3);
  });

  it('answers a burst of identical misses of a query answered before by running it once', async () => {
    await post(ENTRY, { code: '20A' }); // the same text, other variables: a query, cached once
    const answers = await burstWhileLocked('referential_entry', { code: '20C' });
    expect(answers.filter((a) => a.cache === 'MISS')).toHaveLength(1);
    expect(answers.every((a) => a.body.data.entry.code === '20C')).toBe(true);
    expect(t.db.queries.filter((q) => q.includes('from "referential_entry"')).length).toBeLessThanOrEqual(2);
  });

  it('serves a hit byte for byte as Apollo answered the miss, in the media type the client accepts', async () => {
    const raw = async (accept?: string) => {
      const response = await fetch(`${t.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
        body: JSON.stringify({ query: ENTRY, variables: { code: '20B' } }),
      });
      return { text: await response.text(), type: response.headers.get('content-type'), cache: response.headers.get('x-cache') };
    };
    const miss = await raw();
    const hit = await raw();
    expect([miss.cache, hit.cache]).toEqual(['MISS', 'HIT']);
    expect(hit).toEqual({ ...miss, cache: 'HIT' });
    expect(JSON.parse(hit.text).data.entry.code).toBe('20B');
    const strict = await raw('application/graphql-response+json');
    expect(strict).toMatchObject({ cache: 'HIT', type: 'application/graphql-response+json; charset=utf-8', text: miss.text });
  });

  it('never serves the old answer once a publish has returned', async () => {
    const before = await post(ENTRY, { code: '20E' });
    expect(before.body.data.entry.label).not.toBe('Libellé publié');
    const { version } = (await post(DRAFT)).body.data.createDraft;
    await post(UPSERT, { v: version, label: 'Libellé publié' });
    // A draft edit is invisible to readers of the published release, but it still invalidated the cache.
    expect((await post(ENTRY, { code: '20E' })).body.data.entry.label).toBe(before.body.data.entry.label);
    expect((await post(PUBLISH, { v: version + 1 })).body.errors).toBeUndefined();
    const after = await post(ENTRY, { code: '20E' });
    expect(after).toMatchObject({ cache: 'MISS', body: { data: { entry: { code: '20E', label: 'Libellé publié' } } } });
    expect(after.etag).not.toBe(before.etag);
  });

  it('sees a change made by any writer, even straight in SQL (triggers bump the versions)', async () => {
    const query = `{ court(code: "100039") { name } }`;
    await post(query);
    expect((await post(query)).cache).toBe('HIT');
    await t.db.orm.em.fork().execute(`update court set name = 'Renommé en SQL' where code = '100039'`);
    expect(await post(query)).toMatchObject({ cache: 'MISS', body: { data: { court: { name: 'Renommé en SQL' } } } });
  });

  it('never caches mutations or answers with errors', async () => {
    const mutation = await post(DRAFT);
    expect(mutation).toMatchObject({ cache: null, cacheControl: 'no-store', etag: null });
    const tooLarge = `{ courts(first: 1000) { totalCount } }`;
    const failed = await post(tooLarge);
    expect(failed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(failed).toMatchObject({ cache: null, cacheControl: 'no-store', etag: null });
    expect((await post(tooLarge)).cache).toBeNull();
  });

  it('keeps callers with different roles apart, and never caches the audit trail', async () => {
    const query = `{ court(code: "100001") { code } }`;
    await post(query);
    expect((await post(query)).cache).toBe('HIT');
    expect((await post(query, {}, [[Role.READER]])).cache).toBe('MISS');
    expect((await post(query, {}, [[Role.READER]])).cache).toBe('HIT');
    const audit = `{ auditTrail(first: 5) { edges { node { operation } } } }`;
    const first = await post(audit, {}, [[Role.ADMIN]]);
    expect(first.body.errors).toBeUndefined();
    expect(first).toMatchObject({ cache: null, cacheControl: 'no-store' });
    expect((await post(audit, {}, [[Role.ADMIN]])).cache).toBeNull();
  });

  it('answers a GET revalidation with 304 while nothing changed', async () => {
    const url = `${t.server.url}/graphql?query=${encodeURIComponent('{ court(code: "100023") { code name } }')}`;
    // (Node's fetch adds `cache-control: no-cache` to a request carrying If-None-Match; a browser revalidates with max-age=0.)
    const headers = { 'apollo-require-preflight': 'true', 'cache-control': 'max-age=0' };
    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const revalidated = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    await t.db.orm.em.fork().execute(`update court set name = name where code = '100023'`);
    expect((await fetch(url, { headers: { ...headers, 'if-none-match': etag } })).status).toBe(200);
  });
});
