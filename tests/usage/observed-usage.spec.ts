import { DEV_ADMIN_KEY } from '../../src/kernel/auth/security-config';
import { flushUsage } from '../../src/kernel/usage/usage-recorder';
import { rollUpUsage } from '../../src/kernel/usage/usage-store';
import { Role } from '../support/auth';
import { gql, type Target } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { application } } }`;
const COURT_NAME = 'query CourtName { court(code: "100039") { name } }';
const COURT_PARENT = 'query CourtParent { court(code: "100039") { parent { code } } }';
const NATINF_PAGE = 'query NatinfPage($r: ID!) { entries(referential: $r, first: 1) { totalCount } }';
const FIELD_USAGE = `query($c: String!) { fieldUsage(coordinate: $c) { coordinate inSchema requests clients { client application { code } requests operations { name requests } firstSeen lastSeen } last30Days { day requests } } }`;

describe('observed usage', () => {
  const t = useTestServer('demo');
  const architect = () => t.as([Role.ARCHITECT]);
  const withKey = (key: string): Target => ({ url: t.server.url, authorization: `Bearer ${key}` });
  const keyOf = async (application: string): Promise<Target> => {
    const { data, errors } = await gql(withKey(DEV_ADMIN_KEY), CREATE_KEY, {
      input: { name: `${application} production`, roles: ['READER'], application: application.toLowerCase() },
    });
    expect(errors).toBeUndefined();
    expect(data!.createApiKey.apiKey.application).toBe(application);
    return withKey(data!.createApiKey.key);
  };
  const post = (target: Target, query: string) =>
    fetch(`${target.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: target.authorization as string },
      body: JSON.stringify({ query }),
    });
  const fieldUsage = async (coordinate: string) => {
    const { data, errors } = await gql(architect(), FIELD_USAGE, { c: coordinate });
    expect(errors).toBeUndefined();
    return data!.fieldUsage;
  };

  let cassiopee: Target;
  let portalis: Target;
  beforeAll(async () => {
    cassiopee = await keyOf('CASSIOPEE');
    portalis = await keyOf('PORTALIS');
    // CASSIOPEE reads court names, the second time from the response cache's fast path.
    expect((await post(cassiopee, COURT_NAME)).headers.get('x-cache')).toBe('MISS');
    expect((await post(cassiopee, COURT_NAME)).headers.get('x-cache')).toBe('HIT');
    // PORTALIS reads parents and a NATINF page (it declared NAC only).
    expect((await gql(portalis, COURT_PARENT)).errors).toBeUndefined();
    expect((await gql(portalis, NATINF_PAGE, { r: 'NATINF' })).errors).toBeUndefined();
    // Refused requests: over the depth limit, a bad key, a missing role. None of them counts.
    const deep = `{ court(code: "100039") { ${'parent { '.repeat(20)}code${' }'.repeat(20)} } }`;
    expect((await gql(cassiopee, deep)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await gql(withKey('rj_nope_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), COURT_PARENT)).status).toBe(401);
    expect((await gql(cassiopee, '{ apiKeys { name } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await flushUsage();
  });

  it('counts each application under its own name, cache hits included, refused requests not at all', async () => {
    const name = await fieldUsage('Court.name');
    expect(name).toMatchObject({ coordinate: 'Court.name', inSchema: true, requests: 2 });
    expect(name.clients).toEqual([
      expect.objectContaining({ client: 'CASSIOPEE', application: { code: 'CASSIOPEE' }, requests: 2, operations: [{ name: 'CourtName', requests: 2 }] }),
    ]);
    expect(name.last30Days).toEqual([{ day: new Date().toISOString().slice(0, 10), requests: 2 }]);
    const parent = await fieldUsage('Court.parent');
    expect(parent.clients.map((c: { client: string; requests: number }) => [c.client, c.requests])).toEqual([['PORTALIS', 1]]);
    const court = await fieldUsage('Query.court');
    expect(court.clients.map((c: { client: string; requests: number }) => [c.client, c.requests])).toEqual([
      ['CASSIOPEE', 2],
      ['PORTALIS', 1],
    ]);
    expect((await fieldUsage('Query.apiKeys')).clients).toEqual([]);
  });

  it('tells what one client reads, referential releases included', async () => {
    const { data } = await gql(
      architect(),
      `{ clientUsage(client: "PORTALIS") { application { code } coordinates { coordinate requests } referentials { referential release requests } } }`,
    );
    const [{ n }] = await t.db.orm.em
      .fork()
      .getConnection()
      .execute(`select max(number)::int as n from referential_release where referential_code = 'NATINF' and status = 'PUBLISHED'`);
    expect(data.clientUsage.application).toEqual({ code: 'PORTALIS' });
    expect(data.clientUsage.coordinates.map((c: { coordinate: string }) => c.coordinate)).toEqual([
      'Court.code',
      'Court.parent',
      'EntryConnection.totalCount',
      'Query.court',
      'Query.entries',
    ]);
    expect(data.clientUsage.referentials).toEqual([{ referential: 'NATINF', release: n, requests: 1 }]);
  });

  it('lists fields nobody read, and observed readers of a referential beside the declared ones', async () => {
    const unused = (await gql(architect(), '{ unusedFields }')).data!.unusedFields as string[];
    expect(unused).toContain('Court.sites');
    expect(unused).not.toContain('Court.name');
    const { data } = await gql(architect(), '{ referentialUsage(referential: "NATINF") { readers { client declared observed requests } } }');
    expect(data.referentialUsage.readers).toContainEqual({ client: 'PORTALIS', declared: false, observed: true, requests: 1 });
    expect(data.referentialUsage.readers).toContainEqual({ client: 'CASSIOPEE', declared: true, observed: false, requests: 0 });
    // A code holding a lone surrogate is no referential: nobody, not an error (JSON escapes it, jsonb would refuse it).
    const odd = await gql(architect(), 'query($r: ID!) { referentialUsage(referential: $r) { readers { client } } }', { r: '\udfff\ud800' });
    expect(odd.errors).toBeUndefined();
    expect(odd.data.referentialUsage.readers).toEqual([]);
  });

  it('gives impactOf(field) the applications observed reading it, marked observed', async () => {
    const { data, errors } = await gql(
      architect(),
      '{ impactOf(change: { field: "Court.name" }) { change applications { application { code } evidence paths { explanation evidence } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.impactOf.applications).toEqual([
      {
        application: { code: 'CASSIOPEE' },
        evidence: ['OBSERVED'],
        paths: [{ explanation: expect.stringContaining('field Court.name → observed reading it (CourtName)'), evidence: 'OBSERVED' }],
      },
    ]);
    const natinf = await gql(
      architect(),
      '{ impactOf(change: { referential: { referentialCode: "NATINF" } }) { applications { application { code } evidence } } }',
    );
    const portalis = natinf.data.impactOf.applications.find((a: { application: { code: string } }) => a.application.code === 'PORTALIS');
    const cassiopee = natinf.data.impactOf.applications.find((a: { application: { code: string } }) => a.application.code === 'CASSIOPEE');
    expect(portalis.evidence).toEqual(['OBSERVED']);
    expect(cassiopee.evidence).toEqual(['DECLARED']);
  });

  it('reports reads nobody declared, and declared reads an active application never makes', async () => {
    const { data } = await gql(architect(), '{ coherenceReport { issues { kind application { code } referential { code } } } }');
    const observed = data.coherenceReport.issues.filter((i: { kind: string }) => ['READ_BUT_UNDECLARED', 'DECLARED_BUT_UNREAD'].includes(i.kind));
    expect(observed).toEqual([
      { kind: 'READ_BUT_UNDECLARED', application: { code: 'PORTALIS' }, referential: { code: 'NATINF' } },
      { kind: 'DECLARED_BUT_UNREAD', application: { code: 'PORTALIS' }, referential: { code: 'NAC' } },
      { kind: 'DECLARED_BUT_UNREAD', application: { code: 'CASSIOPEE' }, referential: { code: 'NATINF' } },
    ]);
  });

  it('is for architects, and keys name applications the catalog knows', async () => {
    expect((await gql(t.as([Role.READER]), FIELD_USAGE, { c: 'Court.name' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(architect(), FIELD_USAGE, { c: 'Court name' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coordinate' });
    const unknown = await gql(withKey(DEV_ADMIN_KEY), CREATE_KEY, { input: { name: 'x', roles: ['READER'], application: 'NOPE' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.application' });
  });

  it('rolls hourly rows older than the retention into daily ones, adding to what is there', async () => {
    const connection = t.db.orm.em.fork().getConnection();
    const insert = `insert into usage_field_hourly (hour, client, application, operation_name, operation_hash, coordinate, requests, first_seen, last_seen)
      values (?, 'MINOS', 'MINOS', 'Old', 'h', 'Court.name', ?, ?, ?)`;
    const day = '2026-01-05';
    for (const [hour, requests] of [
      ['2026-01-05T08:00:00Z', 3],
      ['2026-01-05T09:00:00Z', 4],
    ] as const)
      await connection.execute(insert, [hour, requests, hour, hour]);
    expect(await rollUpUsage(t.db.orm, { hourlyDays: 30, dailyDays: 36500 })).toBe(true);
    const daily = await connection.execute(`select to_char(day, 'YYYY-MM-DD') as day, requests::int from usage_field_daily where client = 'MINOS'`);
    expect(daily).toEqual([{ day, requests: 7 }]);
    expect(await connection.execute(`select 1 from usage_field_hourly where client = 'MINOS'`)).toEqual([]);
    // Recent hours stay hourly; what was rolled up is still read by the queries.
    expect((await connection.execute(`select count(*)::int as n from usage_field_hourly`))[0].n).toBeGreaterThan(0);
    const since = await gql(architect(), `{ fieldUsage(coordinate: "Court.name", since: "2026-01-01T00:00:00Z") { clients { client requests } } }`);
    expect(since.data.fieldUsage.clients).toContainEqual({ client: 'MINOS', requests: 7 });
  });
});

describe('observed usage of documents written with literals', () => {
  const t = useTestServer('demo');

  it('counts each as the whole path would, though the route learnt from the first answers the next', async () => {
    const { data: created } = await gql(t.as([Role.ADMIN]), CREATE_KEY, { input: { name: 'MINOS production', roles: ['READER'], application: 'minos' } });
    const minos: Target = { url: t.server.url, authorization: `Bearer ${created!.createApiKey.key as string}` };
    const page = (referential: string) => `{ entries(referential: "${referential}", first: 1) { totalCount } }`;
    // NATINF's document takes the whole path; NAC's, the same with another literal, the route learnt from it.
    for (const referential of ['NATINF', 'NAC']) expect((await gql(minos, page(referential))).errors).toBeUndefined();
    await flushUsage();
    const { data } = await gql(
      t.as([Role.ARCHITECT]),
      `{ clientUsage(client: "MINOS") { coordinates { coordinate requests } referentials { referential requests } } }`,
    );
    expect(data.clientUsage.referentials).toEqual([
      { referential: 'NAC', requests: 1 },
      { referential: 'NATINF', requests: 1 },
    ]);
    expect(data.clientUsage.coordinates).toEqual([
      { coordinate: 'EntryConnection.totalCount', requests: 2 },
      { coordinate: 'Query.entries', requests: 2 },
    ]);
  });
});
