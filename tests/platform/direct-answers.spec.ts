import { DEV_ADMIN_KEY } from '../../src/kernel/auth/security-config';
import { accessLogger } from '../../src/kernel/logger';
import { Role } from '../support/auth';
import { useSplitMode } from '../support/split-mode';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

interface Case {
  name: string;
  query: string;
  /** The first request takes the whole path (the gateway plans it); the second, other variables, may be answered directly. */
  variables: [Record<string, unknown>, Record<string, unknown>];
  direct: boolean;
  /** The second answer holds errors (a check that the case reaches what refuses). */
  errors?: boolean;
}

const PAGE = `query Page($first: Int!, $withParent: Boolean!) {
  __typename
  a: courts(first: $first) { edges { node { ...C parent @include(if: $withParent) { code kind: type } } } pageInfo { endCursor hasNextPage } }
}
fragment C on Court { __typename code name }`;

const CASES: Case[] = [
  {
    name: 'a court and its parent',
    query: 'query Court($code: ID!) { court(code: $code) { code name type parent { code name } } }',
    variables: [{ code: '100039' }, { code: '100023' }],
    direct: true,
  },
  {
    name: 'aliases, fragments, @include, root __typename',
    query: PAGE,
    variables: [
      { first: 3, withParent: true },
      { first: 5, withParent: false },
    ],
    direct: true,
  },
  {
    name: 'a page of entries',
    query: 'query($n: Int!) { entries(referential: "NATINF", first: $n) { totalCount edges { cursor node { code label validFrom } } } }',
    variables: [{ n: 2 }, { n: 4 }],
    direct: true,
  },
  {
    name: 'an unknown court (null, no error)',
    query: 'query($code: ID!) { court(code: $code) { code } }',
    variables: [{ code: '100039' }, { code: '999999' }],
    direct: true,
  },
  {
    name: 'fields of two subgraphs (organisation, then catalog)',
    query: 'query($code: ID!) { court(code: $code) { code deployments { status application { code } } } }',
    variables: [{ code: '100039' }, { code: '100023' }],
    direct: true,
  },
  {
    name: 'a chain over three subgraphs: aliases, fragments, __typename, a variable in an entity fetch',
    query: `query Chain($code: ID!, $withName: Boolean!) { court(code: $code) { __typename code ...D } }
    fragment D on Court { where: deployments { application { __typename code exchanges { id: code name @include(if: $withName) } } } }`,
    variables: [
      { code: '100039', withName: true },
      { code: '100023', withName: false },
    ],
    direct: true,
  },
  {
    name: 'a walk over three subgraphs, plain fields only (projected, not executed again)',
    query: `query Walk($code: ID!) { court(code: $code) { code deployments { application { code exchanges { code referentials { code } } } } } }`,
    variables: [{ code: '100023' }, { code: '100039' }],
    direct: true,
  },
  {
    name: 'a chain through a null parent and empty lists (projected)',
    query: 'query($code: ID!) { court(code: $code) { code parent { code name } deployments { wave status application { code exchanges { code } } } } }',
    variables: [{ code: '100039' }, { code: '100023' }],
    direct: true,
  },
  {
    name: 'an entity chain from an unknown court (null: no entity to fetch)',
    query: 'query($code: ID!) { court(code: $code) { code name deployments { wave application { code } } } }',
    variables: [{ code: '100039' }, { code: '999999' }],
    direct: true,
  },
  {
    name: 'a refusal in an entity fetch (releases comments, stewards only)',
    query:
      'query($code: ID!) { court(code: $code) { code deployments { application { code exchanges { code referentials { code releases { number comments { __typename } } } } } } } }',
    variables: [{ code: '100039' }, { code: '100023' }],
    direct: false,
    errors: true,
  },
  {
    name: 'introspection beside a root field',
    query: 'query($n: Int!) { __schema { queryType { name } } courts(first: $n) { totalCount } }',
    variables: [{ n: 1 }, { n: 2 }],
    direct: false,
  },
  {
    name: 'a variable of the wrong type',
    query: 'query($at: LocalDate) { competentCourts(insee: "01001", at: $at) { type } }',
    variables: [{ at: '2026-01-01' }, { at: 'yesterday' }],
    direct: false,
  },
  {
    name: 'a NUL in a variable',
    query: 'query($code: ID!) { court(code: $code) { code } }',
    variables: [{ code: '100039' }, { code: 'a\u0000b' }],
    direct: false,
  },
  {
    name: 'an error in a resolver (not found)',
    query: 'query($r: ID!) { entries(referential: $r, first: 1) { totalCount } }',
    variables: [{ r: 'NATINF' }, { r: 'NOPE' }],
    direct: false,
  },
];

const post = async (url: string, query: string, variables: Record<string, unknown>, authorization?: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') };
};

/** The paths the log lines of the requests sent meanwhile name (`direct`, or none for the whole path). */
async function loggedPaths(send: () => Promise<unknown>): Promise<(string | undefined)[]> {
  const info = jest.spyOn(accessLogger, 'info');
  try {
    await send();
    return info.mock.calls.filter(([, msg]) => msg === 'graphql').map(([fields]) => (fields as Untyped).path as string | undefined);
  } finally {
    info.mockRestore();
  }
}

/**
 * One process answers an operation the gateway planned as one fetch of one subgraph, or as a chain of entity fetches
 * by key, directly (no Apollo pipeline or gateway executor): byte for byte what split mode (always the whole path)
 * answers, and any other operation, refusal or error still through the gateway.
 */
describe('direct answers to single-subgraph queries and entity chains', () => {
  const one = useTestServer('demo');
  const split = useSplitMode('demo');

  it.each(CASES)(
    '$name: the same answer as split mode, directly only when one subgraph or a chain of entity fetches answers it',
    async ({ query, variables, direct, errors }) => {
      const paths = await loggedPaths(async () => {
        await post(one.server.url, query, variables[0]);
        const second = await post(one.server.url, query, variables[1]);
        const reference = await post(split.gateway.url, query, variables[1]);
        expect(second).toEqual(reference);
        if (errors) expect((JSON.parse(second.text) as Untyped).errors?.length).toBeGreaterThan(0);
      });
      // One line per request: the first (whole path), the second, and split mode's gateway.
      expect(paths).toEqual([undefined, direct ? 'direct' : undefined, undefined]);
    },
  );

  it('answers a cached request from the cache afterwards, and stores what it answered directly', async () => {
    const query = 'query($code: ID!) { court(code: $code) { code shortName } }';
    await post(one.server.url, query, { code: '100039' });
    const answers: Untyped[] = [];
    const paths = await loggedPaths(async () => {
      for (let i = 0; i < 2; i += 1) {
        const response = await fetch(`${one.server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables: { code: '100023' } }),
        });
        answers.push({ cache: response.headers.get('x-cache'), body: await response.text() });
      }
    });
    expect(answers[0]).toEqual({ cache: 'MISS', body: answers[1].body });
    expect(answers[1].cache).toBe('HIT');
    expect(paths[0]).toBe('direct');
  });

  it('never answers a mutation directly, and checks roles on every request', async () => {
    const query = 'query($first: Int!) { auditTrail(first: $first) { totalCount } }';
    const admin = await one.as([Role.ADMIN]).authorization;
    const paths = await loggedPaths(async () => {
      expect((await post(one.server.url, query, { first: 1 }, admin)).status).toBe(200);
      expect((await post(one.server.url, query, { first: 2 }, admin)).status).toBe(200);
      const anonymous = JSON.parse((await post(one.server.url, query, { first: 3 })).text) as Untyped;
      expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
    expect(paths).toEqual([undefined, 'direct', undefined]);
    const create = 'mutation($code: ID!) { createCourt(input: { code: $code, name: "Tribunal direct", type: TRIBUNAL_JUDICIAIRE }) { code } }';
    const mutationPaths = await loggedPaths(async () => {
      await post(one.server.url, create, { code: '900101' }, admin);
      await post(one.server.url, create, { code: '900102' }, admin);
    });
    expect(mutationPaths).toEqual([undefined, undefined]);
  });
});

interface LiteralCase {
  name: string;
  /** The same document written with other literals: the first takes the whole path, the second may not. */
  queries: [string, string];
  direct: boolean;
  errors?: boolean;
  /** The second answer's data, where its being the same as split mode's says too little (empty lists, nulls). */
  expected?: Untyped;
}

const COURT = (code: string) => `{ court(code: ${code}) { code name type parent { code name } } }`;
const COURTS = (type: string, first = 2) => `{ courts(filter: { type: ${type} }, first: ${first}) { edges { node { code type } } } }`;
const COMPETENT = (insee: string, at = 'null', fields = 'code name @include(if: $n)') =>
  `query($n: Boolean!) { competentCourts(insee: ${insee}, at: ${at}) { type court { ${fields} } } }`;

const LITERAL_CASES: LiteralCase[] = [
  { name: 'a court by its code', queries: [COURT('"100039"'), COURT('"100023"')], direct: true },
  { name: 'an unknown court (null, no error)', queries: [COURT('"100039"'), COURT('"999999"')], direct: true },
  { name: 'an enum in an input object', queries: [COURTS('TRIBUNAL_JUDICIAIRE'), COURTS('COUR_APPEL')], direct: true },
  { name: 'a literal beside a variable, a null literal', queries: [COMPETENT('"01001"'), COMPETENT('"01002"')], direct: true },
  { name: 'another page size (the cost counts it)', queries: [COURTS('COUR_APPEL', 2), COURTS('COUR_APPEL', 3)], direct: false },
  { name: 'a string for an enum', queries: [COURTS('TRIBUNAL_JUDICIAIRE'), COURTS('"COUR_APPEL"')], direct: false, errors: true },
  { name: 'a NUL in a string', queries: [COURT('"100039"'), COURT('"1000\\u00009"')], direct: false, errors: true },
  {
    name: 'a date that does not exist',
    queries: [COMPETENT('"01001"', '"2026-01-31"', 'code'), COMPETENT('"01001"', '"2026-02-30"', 'code')],
    direct: false,
    errors: true,
  },
  { name: 'a string too long', queries: [COURT('"100039"'), COURT(`"${'9'.repeat(101)}"`)], direct: false, errors: true },
  {
    name: 'an entity chain (its canonical form planned apart)',
    queries: ['{ court(code: "100039") { code deployments { status } } }', '{ court(code: "100023") { code deployments { status } } }'],
    direct: true,
  },
  {
    name: 'a literal in an entity fetch, over three subgraphs',
    queries: [
      '{ court(code: "100023") { code deployments(status: DEPLOYED) { application { code exchanges { code } } } } }',
      '{ court(code: "100039") { code deployments(status: EXPERIMENTAL) { application { code exchanges { code } } } } }',
    ],
    direct: true,
    expected: { court: { code: '100039', deployments: [{ application: { code: expect.any(String), exchanges: expect.any(Array) } }] } },
  },
  {
    name: 'an entity chain with another page size',
    queries: [
      '{ courts(first: 2) { edges { node { code deployments { status } } } } }',
      '{ courts(first: 3) { edges { node { code deployments { status } } } } }',
    ],
    direct: false,
  },
];

/**
 * Clients that write literals (`court(code: "100023")`) send a new document per value: once one was judged, the
 * others take its route, in its canonical form (canonical-document.ts), with the same answer as split mode's.
 */
/** The answers to documents sent in turn to one server, and the paths its log names for them. */
async function answersAndPaths(url: string, queries: readonly string[], variables: Record<string, unknown> = {}) {
  const answers: Awaited<ReturnType<typeof post>>[] = [];
  const paths = await loggedPaths(async () => {
    for (const query of queries) answers.push(await post(url, query, variables));
  });
  return { answers, paths };
}

describe('direct answers to documents written with other literals', () => {
  const one = useTestServer('demo');
  const split = useSplitMode('demo');

  it.each(LITERAL_CASES)(
    '$name: the same answer as split mode, directly only when the literals alone differ',
    async ({ queries, direct, errors, expected }) => {
      const { answers, paths } = await answersAndPaths(one.server.url, queries, { n: true });
      expect(paths).toEqual([undefined, direct ? 'direct' : undefined]);
      expect(answers[1]).toEqual(await post(split.gateway.url, queries[1], { n: true }));
      const answer = JSON.parse(answers[1].text) as Untyped;
      if (errors) expect(answer.errors?.length).toBeGreaterThan(0);
      else expect(answer.errors).toBeUndefined();
      if (expected) expect(answer.data).toEqual(expected);
    },
  );

  it('answers every court by its code directly once one was asked, as split mode does', async () => {
    const rows = await one.db.orm.em.fork().getConnection().execute('select code from court order by code limit 30');
    const codes = rows.map((r: Untyped) => r.code as string);
    await post(one.server.url, COURT(`"${codes[0]}"`), {});
    const { answers, paths } = await answersAndPaths(
      one.server.url,
      codes.slice(1).map((code) => COURT(`"${code}"`)),
    );
    expect(paths).toEqual(codes.slice(1).map(() => 'direct'));
    for (const [i, code] of codes.slice(1).entries()) expect(answers[i]).toEqual(await post(split.gateway.url, COURT(`"${code}"`), {}));
    expect(JSON.parse(answers[0].text)).toEqual({ data: { court: expect.objectContaining({ code: codes[1] }) } });
  });
});

describe('direct answers and the operation allow-list', () => {
  const t = useTestServer('srj');
  const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }';

  it('holds a key flagged allowListOnly to the list on every request, though others were answered directly', async () => {
    const admin = `Bearer ${DEV_ADMIN_KEY}`;
    const created = JSON.parse(
      (await post(t.server.url, CREATE_KEY, { input: { name: 'held', roles: ['READER'], allowListOnly: true } }, admin)).text,
    ) as Untyped;
    const held = `Bearer ${created.data.createApiKey.key as string}`;
    const query = 'query($code: ID!) { court(code: $code) { code } }';
    const paths = await loggedPaths(async () => {
      await post(t.server.url, query, { code: '100039' }, admin);
      await post(t.server.url, query, { code: '100023' }, admin);
      const refused = JSON.parse((await post(t.server.url, query, { code: '100001' }, held)).text) as Untyped;
      expect(refused.errors[0].message).toBe('Operation not in the allow-list');
      // The same with literals: another document, not listed, though its canonical form has a route.
      await post(t.server.url, '{ court(code: "100039") { code } }', {}, admin);
      await post(t.server.url, '{ court(code: "100023") { code } }', {}, admin);
      const literal = JSON.parse((await post(t.server.url, '{ court(code: "100001") { code } }', {}, held)).text) as Untyped;
      expect(literal.errors[0].message).toBe('Operation not in the allow-list');
    });
    expect(paths).toEqual([undefined, 'direct', undefined, undefined, 'direct', undefined]);
  });
});

describe('direct answers in split mode', () => {
  const split = useSplitMode('demo');

  it("answers the gateway's repeated fetches directly in the subgraph, with the stored courts", async () => {
    const query = 'query($code: ID!) { court(code: $code) { code name parent { code } } }';
    const codes = ['100023', '100039', '100001'];
    const answers: Untyped[] = [];
    const paths = await loggedPaths(async () => {
      for (const code of codes) answers.push(JSON.parse((await post(split.gateway.url, query, { code })).text));
    });
    const rows = await split.db.orm.em.fork().getConnection().execute('select code, name, parent_code from court where code in (?) order by code', [codes]);
    const stored = new Map(rows.map((r: Untyped) => [r.code, { code: r.code, name: r.name, parent: r.parent_code ? { code: r.parent_code } : null }]));
    expect(answers).toEqual(codes.map((code) => ({ data: { court: stored.get(code) } })));
    // Per request, the organisation subgraph's line then the gateway's: the first fetch takes Apollo, the next two not.
    expect(paths).toEqual([undefined, undefined, 'direct', undefined, 'direct', undefined]);
  });

  it("answers the gateway's entity fetches (`_entities`) directly too, as the whole path answered them", async () => {
    const query = 'query($code: ID!) { court(code: $code) { code deployments { status application { code name } } } }';
    const whole = await post(split.gateway.url, query, { code: '100039' });
    const paths = await loggedPaths(async () => {
      const other = JSON.parse((await post(split.gateway.url, query, { code: '100023' })).text) as Untyped;
      expect(other.errors).toBeUndefined();
      expect(other.data.court.code).toBe('100023');
    });
    // The organisation fetch, the catalog's `_entities` fetch, both direct; then the gateway's line.
    expect(paths).toEqual(['direct', 'direct', undefined]);
    const first = JSON.parse(whole.text) as Untyped;
    expect(first.data.court.deployments.length).toBeGreaterThan(0);
    // The first answer again, now with both fetches answered directly: the same bytes.
    expect(await post(split.gateway.url, query.replace('code deployments', 'code  deployments'), { code: '100039' })).toEqual(whole);
  });
});
