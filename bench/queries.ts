/** The representative read mix; each entry also has the same data fetched with plain SQL, the database's own limit. */
export interface BenchQuery {
  name: string;
  graphql: { query: string; variables?: Record<string, unknown> };
  /** The same data with plain SQL; empty when no single-database equivalent is meaningful. */
  sql: { text: string; values: unknown[] }[];
}

/** A NATINF-sized synthetic list (17,000 entries with legal cells), for search. */
export const NATINF_SIZED = 'SYNTH17K';
/** The large synthetic list (1,000,000 entries by default, BENCH_ENTRIES to change it). */
export const LARGE_LIST = 'SYNTH1M';
export const AT_DAY = '2026-06-01';
/**
 * The query-cost limit the bench's servers run with: the walk costs 1.8 M by the cost model (20 courts × bounded
 * lists five levels deep), above the default 20,000; the bench measures throughput, as it lifts the rate limit.
 */
export const BENCH_MAX_QUERY_COST = 2_000_000;

const visible = (list: string, release: number) =>
  `referential_code = '${list}' and recorded_in <= ${release} and (superseded_in is null or superseded_in > ${release})`;

/** An `at` query: the children of an entry in force on a day, with their validity. */
export const atQuery = (list: string, parentCode: string): BenchQuery['graphql'] => ({
  query: `query At($list: ID!, $parent: ID!, $at: LocalDate!) { entries(referential: $list, at: $at, filter: { parentCode: $parent }, first: 100) { totalCount edges { node { code label validFrom validTo } } } }`,
  variables: { list, parent: parentCode, at: AT_DAY },
});

/** Competent courts for a commune, its INSEE code in variables or written in the document (a document per commune). */
export const competentCourtsQuery = (insee: string, written: 'variable' | 'literal' = 'variable'): BenchQuery['graphql'] =>
  written === 'variable'
    ? { query: 'query Competent($insee: String!) { competentCourts(insee: $insee) { type court { code name parent { name } } } }', variables: { insee } }
    : { query: `query Competent { competentCourts(insee: ${JSON.stringify(insee)}) { type court { code name parent { name } } } }` };

/** The mix, against the latest published release of each synthetic list. */
export function benchQueries(releases: { natinfSized: number; large: number }): BenchQuery[] {
  const search = visible(NATINF_SIZED, releases.natinfSized);
  const query = `referential_search_query('${NATINF_SIZED}', '{vehicule,autrui}')`;
  const large = visible(LARGE_LIST, releases.large);
  return [
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
      graphql: competentCourtsQuery('01001'),
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
      name: 'search in 17,000 entries (NATINF-sized)',
      graphql: {
        query: `{ entries(referential: "${NATINF_SIZED}", filter: { search: "vehicule autrui" }, first: 20) { totalCount edges { node { code label } } } }`,
      },
      sql: [
        {
          text: `select id from referential_entry where ${search} and search_vector @@ ${query} order by ts_rank(search_vector, ${query}) desc, code limit 21`,
          values: [],
        },
        { text: `select count(*) from referential_entry where ${search} and search_vector @@ ${query}`, values: [] },
      ],
    },
    {
      name: 'page of 100 entries with legal references (1M list)',
      graphql: {
        query: `{ entries(referential: "${LARGE_LIST}", filter: { level: 3 }, first: 100) { edges { node { code label parent { code } legalReferences { role article codeMnemonic } } } } }`,
      },
      sql: [
        { text: `select id, code, label, parent_code from referential_entry where ${large} and level = 3 order by code limit 101`, values: [] },
        {
          text: `select entry_id, role, article, code_mnemonic from legal_reference where entry_id in (select id from referential_entry where ${large} and level = 3 order by code limit 101)`,
          values: [],
        },
      ],
    },
    {
      name: '`at` query on the 1M list (children in force on a day)',
      graphql: atQuery(LARGE_LIST, 'B1234'),
      sql: [
        {
          text: `select code, label, valid_from, valid_to from referential_entry where ${large} and parent_code = $1
            and (valid_from is null or valid_from <= $2) and (valid_to is null or valid_to > $2) order by code limit 101`,
          values: ['B1234', AT_DAY],
        },
        {
          text: `select count(*) from referential_entry where ${large} and parent_code = $1 and (valid_from is null or valid_from <= $2) and (valid_to is null or valid_to > $2)`,
          values: ['B1234', AT_DAY],
        },
      ],
    },
    {
      name: 'walk Court → deployments → application → exchanges → referentials → entries',
      graphql: {
        query: `{ courts(filter: { type: TRIBUNAL_JUDICIAIRE }, first: 20) { edges { node { code deployments { application { code exchanges { code referentials { code entries(first: 3) { edges { node { code label } } } } } } } } } } }`,
      },
      sql: [],
    },
  ];
}
