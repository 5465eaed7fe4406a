import type { HttpServer } from '../../src/kernel/http/http-server';
import { startOneProcessServer } from '../../src/platform/servers';
import { aDeployment, anApplication } from '../builders/catalog.builder';
import { anExchange } from '../builders/exchange.builder';
import { aReferential, publishRelease } from '../builders/referential-release.builder';
import { bearer, Role, testSecurity } from '../support/auth';
import { gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const WALK = `query($first: Int) { courts(filter: { type: COUR_APPEL }, first: $first) { edges { node {
  code name deployments { status court { code } application { code name exchanges { code producer { application { code } } referentials { code consumers { application { code } } } } } }
} } } }`;
/** Every list of Application and Exchange below the walk's courts: each is batched over the page, whatever its size. */
const WIDE = `query($first: Int) { courts(filter: { type: COUR_APPEL }, first: $first) { edges { node { deployments { application { code
  releases { version } roadmap { title } deployments { id } referentialUsages { mode application { code } }
  exchanges { code producer { role } consumers { partner } referentials { code } schemaVersions { version } }
} } } } } }`;

/** Court → deployments → application → exchanges → referentials carried, through the gateway, in a constant number of statements. */
describe('the federated walk from courts to referentials', () => {
  let db: TestDatabase;
  let server: HttpServer;
  let courtCodes: string[];

  beforeAll(async () => {
    db = await createTestDatabase('srj');
    // A batching test: the walk's worst case (every list at its bound) is far above the cost limit, on purpose.
    const security = await testSecurity();
    server = await startOneProcessServer(db.orm, { host: '127.0.0.1', port: 0 }, { ...security, limits: { ...security.limits, maxCost: 1e12 } });
    const rows = await db.orm.em.fork().getConnection().execute<{ code: string }[]>(`select code from court where type = 'COUR_APPEL' order by code limit 8`);
    courtCodes = rows.map((r) => r.code);
    const em = db.orm.em.fork();
    // Each of 8 applications is deployed at every one of the first 8 courts and produces 2 exchanges carrying 2 referentials.
    for (let a = 0; a < 8; a += 1) {
      const app = anApplication(em, { code: `WALK${a}` });
      for (const court of courtCodes) aDeployment(em, app, court);
      for (let e = 0; e < 2; e += 1)
        anExchange(em, { code: `WALK${a}_${e}`, producer: app.code, consumers: [`WALK${(a + 1) % 8}`], referentialCodes: ['NATINF', `REF${e}`] });
    }
    await em.flush();
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  /** The resolvers' statements: the response cache's one read of the data versions is tested on its own. */
  const resolverStatements = () => db.queries.filter((q) => !q.includes('from data_version')).length;

  const walk = async (first: number, query = WALK) => {
    db.queries.length = 0;
    const { data, errors } = await gql(server, query, { first });
    expect(errors).toBeUndefined();
    return { data, statements: resolverStatements() };
  };

  it('answers every hop', async () => {
    const { data } = await walk(2);
    const court = data.courts.edges[0].node;
    expect(court.code).toBe(courtCodes[0]);
    expect(court.deployments).toHaveLength(8);
    const deployment = court.deployments.find((d: { application: { code: string } }) => d.application.code === 'WALK3');
    expect(deployment).toMatchObject({ status: 'DEPLOYED', court: { code: courtCodes[0] } });
    expect(deployment.application.name).toMatch(/^Application /);
    const produced = deployment.application.exchanges.filter((e: { producer: { application: { code: string } } }) => e.producer.application.code === 'WALK3');
    expect(produced.map((e: { code: string }) => e.code)).toEqual(['WALK3_0', 'WALK3_1']);
    expect(deployment.application.exchanges.map((e: { code: string }) => e.code)).toContain('WALK2_0'); // consumed from WALK2
    expect(produced[0].referentials.map((r: { code: string }) => r.code)).toEqual(['NATINF', 'REF0']);
  });

  it('sends the same number of SQL statements for 1 court as for 8 (no N+1)', async () => {
    const small = await walk(1);
    const large = await walk(8);
    expect(large.data.courts.edges).toHaveLength(8);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(8);
    if (process.env.SHOW_SQL) console.log(db.queries.join('\n'));
    console.log(`walk: ${large.statements} SQL statements for 8 courts × 8 deployments × 4 exchanges`);
  });

  it('reads every list of the applications and exchanges it meets in the same number of statements for 1 court as for 8', async () => {
    const small = await walk(1, WIDE);
    const large = await walk(8, WIDE);
    const application = large.data.courts.edges[7].node.deployments[0].application;
    expect(application.referentialUsages).toEqual([]);
    expect(application.exchanges[0]).toEqual({
      code: 'WALK0_0',
      producer: { role: 'PRODUCER' },
      consumers: [{ partner: null }],
      referentials: [{ code: 'NATINF' }, { code: 'REF0' }],
      schemaVersions: [],
    });
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(12);
  });

  it('analyses an impact over 64 deployments, and checks coherence, in a fixed handful of statements', async () => {
    db.queries.length = 0;
    const impact = await gql(
      server,
      `{ impactOf(change: { referential: { referentialCode: "NATINF" } }) {
      applications { application { code } } exchanges { exchange { code name } } deployments { court { name } } bureaus { bureau } } }`,
    );
    expect(impact.errors).toBeUndefined();
    expect(impact.data.impactOf.deployments).toHaveLength(64);
    expect(impact.data.impactOf.exchanges).toHaveLength(16);
    const impactStatements = resolverStatements();
    db.queries.length = 0;
    const report = await gql(server, `{ coherenceReport { issues { kind exchange { name } court { name } } } }`);
    expect(report.errors).toBeUndefined();
    console.log(`impactOf: ${impactStatements} SQL statements; coherenceReport: ${resolverStatements()}`);
    expect(impactStatements).toBeLessThanOrEqual(10);
    expect(resolverStatements()).toBeLessThanOrEqual(11); // + 1: observed reads (usage tables)
  });

  // Last: it creates referentials the other tests' walks do not expect.
  it('reads no application or referential row when a hop asks only for its key (and answers as when it reads them)', async () => {
    // The bench's walk: each hop's object is asked for its code and its relations, never its own columns.
    const keysOnly = `query($first: Int) { courts(filter: { type: COUR_APPEL }, first: $first) { edges { node { deployments { application { code
      exchanges { code referentials { code entries(first: 2) { edges { node { code } } } } } } } } } } }`;
    // The same walk asking for a column of each: rows are read, which is the reference answer.
    const withColumns = keysOnly.replace('application { code', 'application { code name').replace('referentials { code', 'referentials { code description');
    // REF1 exists, with entries; REF0 and NATINF exist in no referential table yet (null entities).
    const admin = { url: server.url, authorization: bearer([Role.ADMIN]) };
    await aReferential(admin, 'REF1');
    await publishRelease(admin, 'REF1', [{ code: 'A' }, { code: 'B' }, { code: 'C' }]);
    db.queries.length = 0;
    const lean = await gql(server, keysOnly, { first: 2 });
    const leanQueries = [...db.queries];
    db.queries.length = 0;
    const full = await gql(server, withColumns, { first: 2 });
    expect(leanQueries.some((q) => /from application\b/.test(q))).toBe(false);
    expect(leanQueries.some((q) => /from referential r\b/.test(q) && q.includes('r.name'))).toBe(false);
    expect(db.queries.some((q) => /from application\b/.test(q))).toBe(true);
    const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === 'name' || key === 'description' ? undefined : v)));
    expect(lean).toEqual(strip(full));
    // A referential no table holds is a null entity, whose non-null entries void the exchanges list, as before.
    const completion = (lean as { extensions?: { valueCompletion?: { message: string }[] } }).extensions?.valueCompletion;
    expect(completion?.[0].message).toBe('Cannot return null for non-nullable field Referential.entries.');
    expect(lean.data.courts.edges[0].node.deployments[0].application.exchanges).toBeNull();
    // Once they all exist, every hop answers.
    for (const code of ['NATINF', 'REF0']) {
      await aReferential(admin, code);
      await publishRelease(admin, code, [{ code: `${code}_1` }]);
    }
    const walked = await gql(server, keysOnly, { first: 2 });
    expect(walked.errors).toBeUndefined();
    const exchanges = walked.data.courts.edges[0].node.deployments[0].application.exchanges as { code: string; referentials: unknown[] }[];
    expect(exchanges.find((e) => e.code === 'WALK0_1')?.referentials).toEqual([
      { code: 'NATINF', entries: { edges: [{ node: { code: 'NATINF_1' } }] } },
      { code: 'REF1', entries: { edges: [{ node: { code: 'A' } }, { node: { code: 'B' } }] } },
    ]);
  });
});
