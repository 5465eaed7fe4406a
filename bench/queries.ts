/** The representative read mix; each entry also has the same data fetched with plain SQL, the database's own limit. */
export interface BenchQuery {
  name: string;
  graphql: { query: string; variables?: Record<string, unknown> };
  sql: { text: string; values: unknown[] }[];
}

export const benchQueries: BenchQuery[] = [
  {
    name: 'court by code',
    graphql: { query: 'query Court($code: ID!) { court(code: $code) { code name type parent { code name } } }', variables: { code: '100039' } },
    sql: [
      { text: 'select code, name, type, parent_code from court where code = $1', values: ['100039'] },
      { text: 'select code, name from court where code = $1', values: ['100023'] },
    ],
  },
  {
    name: 'competent courts for a commune',
    graphql: { query: 'query Competent($insee: String!) { competentCourts(insee: $insee) { type court { code name parent { name } } } }', variables: { insee: '01001' } },
    sql: [
      {
        text: `select t.kind, c.code, c.name, p.name as parent_name from territorial_competence t
          join court c on c.code = t.court_code left join court p on p.code = c.parent_code where t.insee_code = $1`,
        values: ['01001'],
      },
    ],
  },
  {
    name: 'page of 100 courts with parents',
    graphql: { query: '{ courts(first: 100) { edges { node { code name parent { code name } } } pageInfo { endCursor } } }' },
    sql: [
      { text: 'select code, name, parent_code from court order by code limit 101', values: [] },
      { text: 'select code, name from court where code = any($1)', values: [['100023', '100039', '100001']] },
    ],
  },
];
