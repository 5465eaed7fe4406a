/** The representative read mix; each entry also has the same data fetched with plain SQL, the database's own limit. */
export interface BenchQuery {
  name: string;
  graphql: { query: string; variables?: Record<string, unknown> };
  /** The same data with plain SQL; empty when no single-database equivalent is meaningful. */
  sql: { text: string; values: unknown[] }[];
}

/** A NATINF-sized synthetic list (17,000 entries with legal cells), loaded by run.ts through the import. */
export const LARGE_LIST = 'SYNTH17K';
const VISIBLE = `referential_code = '${LARGE_LIST}' and recorded_in <= 1 and (superseded_in is null or superseded_in > 1)`;

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
  {
    name: 'search in 17,000 entries',
    graphql: { query: `{ entries(referential: "${LARGE_LIST}", filter: { search: "conduite ivres" }, first: 20) { totalCount edges { node { code label } } } }` },
    sql: [
      { text: `select id from referential_entry where ${VISIBLE} and search_vector @@ to_tsquery('simple', 'conduite:* & ivres:*') order by ts_rank(search_vector, to_tsquery('simple', 'conduite:* & ivres:*')) desc, code limit 21`, values: [] },
      { text: `select count(*) from referential_entry where ${VISIBLE} and search_vector @@ to_tsquery('simple', 'conduite:* & ivres:*')`, values: [] },
    ],
  },
  {
    name: 'page of 100 entries with legal references',
    graphql: { query: `{ entries(referential: "${LARGE_LIST}", filter: { level: 3 }, first: 100) { edges { node { code label parent { code } legalReferences { role article codeMnemonic } } } } }` },
    sql: [
      { text: `select id, code, label, parent_code from referential_entry where ${VISIBLE} and level = 3 order by code limit 101`, values: [] },
      { text: `select entry_id, role, article, code_mnemonic from legal_reference where entry_id in (select id from referential_entry where ${VISIBLE} and level = 3 order by code limit 101)`, values: [] },
    ],
  },
  {
    name: 'walk Court → deployments → application → exchanges → referentials → entries',
    graphql: { query: `{ courts(filter: { type: TRIBUNAL_JUDICIAIRE }, first: 20) { edges { node { code deployments { application { code exchanges { code referentials { code entries(first: 3) { edges { node { code label } } } } } } } } } } }` },
    sql: [],
  },
];
