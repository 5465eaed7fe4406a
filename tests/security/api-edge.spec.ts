import { Role } from '../support/auth';
import { gql, type GraphQLResponse, type Target } from '../support/graphql-client';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';

/** What no answer may show: SQL, a stack frame, a file path. */
const INTERNALS = /\bselect\b|\binsert into\b|\bfrom "|\bwhere\b.*=|node_modules|\/src\/|\.ts:\d|\bat [\w.]+ \(|DOWNSTREAM_SERVICE_ERROR/i;

const refused = (response: GraphQLResponse, code: string, extra: Record<string, unknown> = {}): void => {
  expect(JSON.stringify(response)).not.toMatch(INTERNALS);
  expect(response.status).toBeGreaterThanOrEqual(200);
  expect(response.status).toBeLessThan(500);
  expect(response.errors?.[0].extensions).toMatchObject({ code, ...extra });
};

interface ErrorBody {
  errors: { message: string; extensions: Record<string, unknown> }[];
}
const errorsOf = async (response: Response): Promise<ErrorBody['errors']> => ((await response.json()) as ErrorBody).errors;

const post = (target: Target, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the API edge: cost, input limits, leaks, client errors', () => {
  const t = useTestServer('demo');
  const rows = async (table: string): Promise<number> => Number((await t.db.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);

  it('refuses nested unpaginated lists by their real bound before running them (court → children → parent …)', async () => {
    const levels = (n: number) => `{ court(code: "100001") { ${'children { parent { '.repeat(n)}code${' } }'.repeat(n)} } }`;
    await expectStillServing(t.server); // warmed up: the time below is the refusal's
    for (const n of [3, 4]) {
      const started = Date.now();
      const response = await gql(t.server, levels(n));
      expect(response.errors?.[0].message).toMatch(/cost limit/);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      refused(response, 'GRAPHQL_VALIDATION_FAILED', { reason: 'QUERY_TOO_COSTLY' });
    }
    const two = await gql(t.server, levels(1));
    expect(two.errors).toBeUndefined();
    expect(two.data.court.children.length).toBeGreaterThan(5);
    await expectStillServing(t.server);
  });

  it('bounds every free-text argument, literal or variable, and names the field (impactOf with 1 MB of legal text)', async () => {
    const impact = 'query($text: String) { impactOf(change: { legalText: $text }) { change } }';
    const started = Date.now();
    const huge = await gql(t.server, impact, { text: 'Code pénal, art. 1 '.repeat(50_000) }); // ~1 MB, just under the body limit
    expect(huge.status).toBe(400);
    refused(huge, 'BAD_USER_INPUT', { reason: 'VALUE_TOO_LONG', field: 'change.legalText' });
    const long = await gql(t.server, impact, { text: 'a'.repeat(501) });
    expect(long.status).toBe(400);
    refused(long, 'BAD_USER_INPUT', { reason: 'VALUE_TOO_LONG', field: 'change.legalText' });
    const literal = await gql(t.server, `{ impactOf(change: { legalText: "${'b'.repeat(600)}" }) { change } }`);
    refused(literal, 'BAD_USER_INPUT', { reason: 'VALUE_TOO_LONG', field: 'change.legalText' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await gql(t.server, impact, { text: 'Code pénal' })).errors).toBeUndefined();
    // An input object deep in variables, and a list item.
    const search = await gql(t.server, 'query($f: CourtsFilter) { courts(filter: $f) { totalCount } }', { f: { parentCode: 'x'.repeat(65) } });
    refused(search, 'BAD_USER_INPUT', { field: 'filter.parentCode' });
    await expectStillServing(t.server);
  });

  it('refuses what PostgreSQL would (NUL, year 0, numbers for words, forged cursors) before SQL, with no database text', async () => {
    refused(await gql(t.server, '{ court(code: "\\u0000") { code } }'), 'BAD_USER_INPUT', { reason: 'NUL_CHARACTER', field: 'code' });
    refused(await gql(t.server, 'query($c: ID!) { court(code: $c) { code } }', { c: 'a\u0000b' }), 'BAD_USER_INPUT', { field: 'code' });
    // Import jobs are readable by stewards and ADMIN only: the malformed id is theirs to send.
    refused(await gql(t.as([Role.ADMIN]), '{ importJob(id: "abc") { id } }'), 'BAD_USER_INPUT', { field: 'id' });
    refused(await gql(t.server, '{ importJob(id: "abc") { id } }'), 'UNAUTHENTICATED');
    const yearZero = await gql(t.server, '{ entries(referential: "NAC", at: "0000-01-01") { totalCount } }');
    expect(yearZero.status).toBe(400);
    refused(yearZero, 'GRAPHQL_VALIDATION_FAILED', { reason: 'INVALID_DATE', field: 'at' }); // a literal: the document is invalid
    refused(await gql(t.server, 'query($at: LocalDate) { entries(referential: "NAC", at: $at) { totalCount } }', { at: '0000-01-01' }), 'BAD_USER_INPUT');
    refused(await gql(t.server, '{ entries(referential: "NAC", at: "10000-01-01") { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED');
    // Date-times too: year 0 (here once in UTC), past 9999, or no date at all, which PostgreSQL would refuse.
    const clientUsage = 'query($s: DateTimeISO) { clientUsage(client: "PORTALIS", since: $s) { client } }';
    for (const since of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '+010000-01-01T00:00:00Z', 'not a date']) {
      refused(await gql(t.as([Role.ARCHITECT]), clientUsage, { s: since }), 'BAD_USER_INPUT', { reason: 'INVALID_DATE', field: 'since' });
    }
    expect((await gql(t.as([Role.ARCHITECT]), clientUsage, { s: '0001-01-01T01:00:00+01:00' })).data).toEqual({ clientUsage: { client: 'PORTALIS' } });
    // JSON nesting is bounded before anything walks the value recursively; 100 levels are still served.
    const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    const validate = 'query($p: JSON!) { validateMessage(payload: $p, version: "1", exchange: "NPP_CASSIOPEE") { valid } }';
    for (const depth of [101, 3000])
      refused(await gql(t.server, validate, { p: nested(depth) }), 'BAD_USER_INPUT', { reason: 'JSON_TOO_DEEP', field: 'payload' });
    expect((await gql(t.server, validate, { p: nested(100) })).errors?.[0].extensions?.code).not.toMatch(/INTERNAL_SERVER_ERROR|JSON_TOO_DEEP/);
    const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const after of [cursor(['\u0000']), cursor([{ a: 1 }]), cursor(['search', -1]), 'not a cursor', cursor(['x'.repeat(300)])]) {
      refused(await gql(t.server, 'query($a: String) { courts(after: $a) { totalCount } }', { a: after }), 'BAD_USER_INPUT', {
        reason: 'INVALID_CURSOR',
        field: 'after',
      });
    }
    refused(
      await gql(t.server, 'query($a: String) { entries(referential: "NATINF", filter: { search: "vol" }, after: $a) { totalCount } }', {
        a: cursor(['search', 1e300]),
      }),
      'BAD_USER_INPUT',
      { field: 'after' },
    );
    refused(await gql(t.server, '{ entries(referential: "NAC", filter: { level: 99999 }) { totalCount } }'), 'BAD_USER_INPUT', { field: 'filter.level' });
    await expectStillServing(t.server);
  });

  it('writes nothing when a mutation carries a NUL, in a String or deep in a JSON attribute', async () => {
    const steward = t.as([Role.STEWARD], ['NAC']);
    const before = await rows('referential_entry');
    const upsert = 'mutation($input: UpsertEntryInput!) { upsertEntry(referential: "NAC", expectedVersion: 0, input: $input) { code } }';
    refused(await gql(steward, upsert, { input: { code: 'Z1', label: 'bad\u0000label' } }), 'BAD_USER_INPUT', { field: 'input.label' });
    refused(await gql(steward, upsert, { input: { code: 'Z1', label: 'ok', attributes: { note: ['x', { deep: 'y\u0000' }] } } }), 'BAD_USER_INPUT', {
      field: 'input.attributes',
    });
    expect(await rows('referential_entry')).toBe(before);
  });

  it('answers an unexpected failure as a bare INTERNAL_SERVER_ERROR, its detail logged, never sent', async () => {
    // A database that refuses every statement of this transaction's kind: the resolver fails for a server reason.
    await t.db.orm.em.getConnection().execute('alter table court rename to court_away');
    try {
      const response = await gql(t.server, '{ court(code: "100001") { code name } }');
      expect(response.errors?.[0]).toEqual({ message: 'Internal server error', path: ['court'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(response)).not.toMatch(INTERNALS);
    } finally {
      await t.db.orm.em.getConnection().execute('alter table court_away rename to court');
    }
    await expectStillServing(t.server);
  });

  it('takes an explicit null filter as no filter', async () => {
    const queries = [
      'query($f: CourtsFilter) { courts(filter: $f) { totalCount } }',
      'query($f: EntriesFilter) { entries(referential: "NAC", filter: $f) { totalCount } }',
      'query($f: EntriesFilter) { referential(code: "NAC") { entries(filter: $f) { totalCount } } }',
    ];
    for (const query of queries) {
      const [withNull, without] = [await gql(t.server, query, { f: null }), await gql(t.server, query)];
      expect(withNull.errors).toBeUndefined();
      expect(withNull.data).toEqual(without.data);
    }
  });

  it('answers client mistakes about the operation with 400, not 500', async () => {
    const unknown = await post(t.server, { query: 'query A { __typename }', operationName: 'B' });
    expect(unknown.status).toBe(400);
    expect((await errorsOf(unknown))[0].extensions).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
    const two = await post(t.server, { query: 'query A { __typename } query B { __typename }' });
    expect(two.status).toBe(400);
    expect((await errorsOf(two))[0].message).toMatch(/operation name/);
    const named = await post(t.server, { query: 'query A { __typename } query B { courts(first: 1) { totalCount } }', operationName: 'B' });
    expect(named.status).toBe(200);
    await expectStillServing(t.server);
  });

  it('answers a mutation without credentials with 401, and a malformed Authorization header too', async () => {
    const before = await rows('court');
    const anonymous = await gql(t.server, 'mutation { closeCourt(code: "100023", on: "2030-01-01") { code } }');
    expect(anonymous.status).toBe(401);
    refused(anonymous, 'UNAUTHENTICATED');
    expect(await rows('court')).toBe(before);
    for (const authorization of ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'garbage', 'Bearer a b']) {
      const response = await post(t.server, { query: '{ courts(first: 1) { totalCount } }' }, { authorization });
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
      expect((await errorsOf(response))[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await post(t.server, { query: '{ __typename }' }, { 'x-api-key': '' })).status).toBe(401);
    await expectStillServing(t.server);
  });
});

describe('the allow-list, enforced for everyone', () => {
  const t = useTestServer('srj', undefined, { enforceAllowList: true });

  it('refuses an operation outside it with 403 FORBIDDEN, reason OPERATION_NOT_ALLOWED', async () => {
    const response = await gql(t.as([Role.READER]), '{ courts(first: 2) { totalCount } }');
    expect(response.status).toBe(403);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });
  });
});
