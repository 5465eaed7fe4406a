import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

/** The organisation subgraph through the one-process gateway, over HTTP, on the real shared SRJ data. */
describe('organisation API on the shared SRJ data', () => {
  const t = useTestServer('srj');

  it('gives the competent courts of a commune, with their parents', async () => {
    const { data, errors } = await gql(t.server, `{ competentCourts(insee: "01001") { type court { code name parent { name } } } }`);
    expect(errors).toBeUndefined();
    expect(data.competentCourts).toEqual([
      { type: 'COUR_APPEL', court: { code: '100023', name: "Cour d'Appel de Lyon", parent: null } },
      { type: 'TRIBUNAL_JUDICIAIRE', court: { code: '100039', name: 'Tribunal judiciaire de Bourg-en-Bresse', parent: { name: "Cour d'Appel de Lyon" } } },
      {
        type: 'TRIBUNAL_PROXIMITE',
        court: { code: '963071', name: 'Tribunal de proximité de Trévoux', parent: { name: 'Tribunal judiciaire de Bourg-en-Bresse' } },
      },
      {
        type: 'CONSEIL_PRUDHOMMES',
        court: { code: '100937', name: "Conseil de Prud'hommes de Bourg-en-Bresse", parent: { name: 'Tribunal judiciaire de Bourg-en-Bresse' } },
      },
      {
        type: 'TRIBUNAL_COMMERCE',
        court: { code: 'TC_BOURG_EN_BRESSE', name: 'Tribunal de commerce de Bourg-En-Bresse', parent: { name: "Cour d'Appel de Lyon" } },
      },
    ]);
  });

  it("names the TJ's commercial chamber where Alsace-Moselle has no commercial court", async () => {
    const { data } = await gql(t.server, `{ competentCourts(insee: "67001") { type court { type shortName } } }`);
    expect(data.competentCourts).toContainEqual({ type: 'TRIBUNAL_COMMERCE', court: { type: 'TRIBUNAL_JUDICIAIRE', shortName: 'TJ STRASBOURG' } });
  });

  it('counts the 36 cours d’appel and pages through them with cursors', async () => {
    const query = `query($after: String) { courts(filter: { type: COUR_APPEL }, first: 20, after: $after) {
      totalCount edges { cursor node { code } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const first = await gql(t.server, query);
    expect(first.data.courts.totalCount).toBe(36);
    expect(first.data.courts.edges).toHaveLength(20);
    expect(first.data.courts.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await gql(t.server, query, { after: first.data.courts.pageInfo.endCursor });
    expect(second.data.courts.edges).toHaveLength(16);
    expect(second.data.courts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const codes = [...first.data.courts.edges, ...second.data.courts.edges].map((e: { node: { code: string } }) => e.node.code);
    expect(new Set(codes).size).toBe(36);
    expect(codes).toEqual([...codes].sort());
  });

  it('searches names without accents or case, and filters by parent', async () => {
    const { data } = await gql(t.server, `{ courts(filter: { search: "besancon" }) { edges { node { name type } } } }`);
    expect(data.courts.edges.map((e: { node: { name: string } }) => e.node.name)).toContain("Cour d'Appel de Besançon");
    const children = await gql(
      t.server,
      `{ courts(filter: { parentCode: "100023", type: TRIBUNAL_JUDICIAIRE }, first: 100) { totalCount edges { node { parent { code } } } } }`,
    );
    expect(children.data.courts.totalCount).toBeGreaterThan(0);
    for (const edge of children.data.courts.edges) expect(edge.node.parent.code).toBe('100023');
  });

  it('reads % and _ in a search as word separators, never as wildcards', async () => {
    const names = async (search: string) => {
      const { data, errors } = await gql(t.server, `query($s: String) { courts(filter: { search: $s }, first: 100) { edges { node { code } } } }`, {
        s: search,
      });
      expect(errors).toBeUndefined();
      return data.courts.edges.map((e: { node: { code: string } }) => e.node.code);
    };
    const plain = await names('bourg en bresse');
    expect(plain).toEqual(expect.arrayContaining(['100039', '100937', 'TC_BOURG_EN_BRESSE']));
    expect(await names('bourg_en%bresse')).toEqual(plain);
    expect(await names("bourg%' or 1=1 --")).toEqual([]); // every word must match: an injection is just more words
  });

  it('walks the hierarchy down and up', async () => {
    const { data } = await gql(
      t.server,
      `{ court(code: "963071") { name ancestors { code } } ca: court(code: "100023") { children(type: TRIBUNAL_JUDICIAIRE) { code } } }`,
    );
    expect(data.court.ancestors.map((c: { code: string }) => c.code)).toEqual(['100023', '100039']);
    expect(data.ca.children.map((c: { code: string }) => c.code)).toContain('100039');
  });

  it('answers null for an unknown court and NOT_FOUND for an unknown commune', async () => {
    expect((await gql(t.server, `{ court(code: "000000") { code } }`)).data).toEqual({ court: null });
    const { errors } = await gql(t.server, `{ competentCourts(insee: "99999") { type } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'insee' });
  });

  it('refuses bad arguments with BAD_USER_INPUT naming the argument', async () => {
    const cases: [string, string][] = [
      [`{ competentCourts(insee: "1001") { type } }`, 'insee'],
      [`{ courts(first: 101) { totalCount } }`, 'first'],
      [`{ courts(first: 0) { totalCount } }`, 'first'],
      [`{ courts(after: "not-a-cursor") { totalCount } }`, 'after'],
    ];
    for (const [query, field] of cases) {
      const { status, errors } = await gql(t.server, query);
      expect(status).toBe(200);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badVariable = await gql(t.server, `query($at: LocalDate) { competentCourts(insee: "01001", at: $at) { type } }`, { at: '2024-13-45' });
    expect(badVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badLiteral = await gql(t.server, `{ competentCourts(insee: "01001", at: "2024-13-45") { type } }`);
    expect(badLiteral.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lists the competence names that matched no court instead of dropping them', async () => {
    const { data } = await gql(t.server, `{ competenceIssues { kind sourceName communeCount sampleInseeCodes reason } }`);
    expect(data.competenceIssues).toContainEqual(
      expect.objectContaining({
        kind: 'CONSEIL_PRUDHOMMES',
        sourceName: "Conseil de Prud'hommes de Châteaudun",
        communeCount: 61,
      }),
    );
    for (const issue of data.competenceIssues) {
      expect(issue.sampleInseeCodes.length).toBeGreaterThan(0);
      expect(issue.reason).toMatch(/juridictions\.csv|courts/);
    }
  });

  it('ends a chain of ancestors at a cycle in the data instead of looping forever', async () => {
    // Two courts whose parents point at each other, as a malformed extract could load them.
    await t.db.orm.em.fork().getConnection().execute(`insert into court (code, type, name, short_name, search_name) values
      ('CYCLE_A', 'TRIBUNAL_JUDICIAIRE', 'Cycle A', 'CYCLE A', 'cycle a'), ('CYCLE_B', 'COUR_APPEL', 'Cycle B', 'CYCLE B', 'cycle b');
      update court set parent_code = 'CYCLE_B' where code = 'CYCLE_A'; update court set parent_code = 'CYCLE_A' where code = 'CYCLE_B'`);
    const { data, errors } = await gql(t.server, `{ a: court(code: "CYCLE_A") { ancestors { code } } b: court(code: "CYCLE_B") { ancestors { code } } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: { ancestors: [{ code: 'CYCLE_B' }] }, b: { ancestors: [{ code: 'CYCLE_A' }] } });
  });

  it('reports health and readiness', async () => {
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' }); // plus the change feed's details (tests/changes)
  });
});
