import { Role } from '../support/auth';
import { gql, type Target } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

/** Court reads are plain rows, their nested selections fetched with them: a statement per request where it can be. */
describe('the court read path', () => {
  const t = useTestServer('srj');

  /** The resolvers' statements: the response cache's read of the data versions is tested on its own. */
  const read = async (query: string, variables?: Record<string, unknown>, target: Target = t.server) => {
    t.db.queries.length = 0;
    const { data, errors } = await gql(target, query, variables);
    expect(errors).toBeUndefined();
    return { data, statements: t.db.queries.filter((q) => !q.includes('from data_version')).length };
  };

  it('reads a court and its parent in one statement', async () => {
    const { data, statements } = await read('query($code: ID!) { court(code: $code) { code name type parent { code name } } }', { code: '100039' });
    expect(data.court).toEqual({
      code: '100039',
      name: 'Tribunal judiciaire de Bourg-en-Bresse',
      type: 'TRIBUNAL_JUDICIAIRE',
      parent: { code: '100023', name: "Cour d'Appel de Lyon" },
    });
    expect(statements).toBe(1);
  });

  it('reads a page of courts and their parents in one statement, whatever the page size (the count in one more)', async () => {
    const page = (first: number, count = '') =>
      read(`query($first: Int) { courts(filter: { type: CONSEIL_PRUDHOMMES }, first: $first) { ${count} edges { node { code parent { code type } } } } }`, {
        first,
      });
    const small = await page(2);
    const large = await page(100);
    expect(large.data.courts.edges).toHaveLength(100);
    // A CPH's parent is a TJ: never in the page itself, so every parent comes from the joined part of the statement.
    for (const { node } of large.data.courts.edges) expect(node.parent).toMatchObject({ type: 'TRIBUNAL_JUDICIAIRE' });
    expect([small.statements, large.statements]).toEqual([1, 1]);
    const counted = await page(100, 'totalCount');
    expect(counted.data.courts.totalCount).toBeGreaterThan(100);
    expect(counted.statements).toBe(2);
  });

  it('joins the parents only when the page asks for them, through fragments too', async () => {
    const sqlOf = async (query: string) => {
      expect((await read(query)).statements).toBe(1);
      return t.db.queries.join('\n');
    };
    expect(await sqlOf('{ courts(first: 3) { edges { node { code } } } }')).not.toContain('union all');
    expect(await sqlOf('{ courts(first: 3) { ...Page } } fragment Page on CourtConnection { edges { node { ... on Court { parent { code } } } } }')).toContain(
      'union all',
    );
  });

  it('reads only the columns a page asks for, and gives the same answers as whole rows', async () => {
    const FULL = 'code type name shortName validFrom validTo';
    const pageOf = (fields: string, parentFields: string, extra = '') =>
      read(`{ courts(first: 60) { edges { node { ${fields} parent { ${parentFields} } ${extra} } } } }`);
    const partial = await pageOf('code name', 'code name');
    const sql = t.db.queries.join('\n');
    expect(sql).not.toContain('short_name');
    expect(partial.statements).toBe(1);
    // `children` reads by code, but another resolver could read anything: whole rows then.
    const whole = await pageOf(FULL, FULL, 'children { code }');
    expect(t.db.queries.join('\n')).toContain('short_name');
    const pick = (court: Record<string, unknown> | null) => court && { code: court.code, name: court.name };
    expect(partial.data.courts.edges.map(({ node }: { node: Record<string, never> }) => ({ ...pick(node), parent: pick(node.parent) }))).toEqual(
      whole.data.courts.edges.map(({ node }: { node: Record<string, never> }) => ({ ...pick(node), parent: pick(node.parent) })),
    );
  });

  it('keeps a partial page out of the request: the same courts asked whole elsewhere in it, and grandparents, are whole', async () => {
    const { data } = await read(`{
      courts(filter: { type: CONSEIL_PRUDHOMMES }, first: 5) { edges { node { code parent { code parent { code name type shortName } } } } }
      court(code: "100039") { code name type shortName validFrom parent { code name type shortName } }
    }`);
    const first = data.courts.edges[0].node;
    expect(first.parent.parent).toEqual({ code: expect.any(String), name: expect.any(String), type: 'COUR_APPEL', shortName: expect.any(String) });
    expect(data.court).toMatchObject({
      code: '100039',
      name: 'Tribunal judiciaire de Bourg-en-Bresse',
      type: 'TRIBUNAL_JUDICIAIRE',
      shortName: expect.any(String),
    });
    expect(data.court.parent).toMatchObject({ code: '100023', type: 'COUR_APPEL', shortName: expect.any(String) });
  });

  it('answers the competent courts of a commune and their parents in one statement', async () => {
    const { data, statements } = await read('{ competentCourts(insee: "01001") { type court { code name parent { name } } } }');
    const tj = data.competentCourts.find((c: { type: string }) => c.type === 'TRIBUNAL_JUDICIAIRE');
    expect(tj.court).toEqual({ code: '100039', name: 'Tribunal judiciaire de Bourg-en-Bresse', parent: { name: "Cour d'Appel de Lyon" } });
    expect(statements).toBe(1);
  });

  it('answers alike for a court a write returns (an entity) and the same court read afterwards (a row)', async () => {
    const fields =
      'code name shortName type validFrom validTo parent { code name } ancestors { code } children { code parent { code } } sites { id label phones openingHours { days } main }';
    const written = await read(`mutation { closeCourt(code: "100039", on: "2031-01-01") { ${fields} } }`, undefined, t.as([Role.STEWARD], ['SRJ']));
    const readBack = await read(`{ court(code: "100039") { ${fields} } }`);
    expect(written.data.closeCourt.children.length).toBeGreaterThan(0);
    expect(written.data.closeCourt.sites.length).toBeGreaterThan(0);
    expect(written.data.closeCourt).toEqual(readBack.data.court);
  });
});
