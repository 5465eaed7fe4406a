import { Client } from 'pg';
import { entryConditions, searchQuery } from '../../src/subgraphs/referentials/entry/entry-query';
import { aReferential, publishRelease } from '../builders/referential-release.builder';
import { Role } from '../support/auth';
import { gql, type GraphQLResponse } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

const SMALL = 'SEARCH_SMALL';
const LARGE = 'SEARCH_LARGE';
const LARGE_BULK = 400;
const SEARCH = `query($r: ID!, $s: String!, $first: Int) { entries(referential: $r, filter: { search: $s }, first: $first) { totalCount edges { node { code } } } }`;

/** Full-text search is scoped to one referential, in the results and in the index keys it walks (issue #9). */
describe('entry search across referentials sharing words', () => {
  const t = useTestServer('empty');

  const search = async (referential: string, text: string, first = 100) => {
    const { data, errors } = await gql(t.server, SEARCH, { r: referential, s: text, first });
    expect(errors).toBeUndefined();
    return { total: data.entries.totalCount as number, codes: data.entries.edges.map((e: Untyped) => e.node.code) as string[] };
  };

  /** Runs SQL on a connection of the test's own, so `set local` stays inside one transaction. */
  const inTransaction = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query('begin');
      return await work(client);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  };

  /** The nodes of a statement's analysed plan, depth first, after `prepare` ran in the same rolled-back transaction. */
  const planNodes = (sql: string, prepare: (client: Client) => Promise<unknown>): Promise<Untyped[]> =>
    inTransaction(async (client) => {
      await prepare(client);
      const { rows } = await client.query(`explain (analyze, buffers, format json) ${sql}`);
      const nodes: Untyped[] = [];
      const walk = (node: Untyped): void => {
        nodes.push(node);
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(rows[0]['QUERY PLAN'][0].Plan);
      return nodes;
    });

  beforeAll(async () => {
    const admin = t.as([Role.ADMIN]);
    await aReferential(admin, SMALL);
    await aReferential(admin, LARGE);
    await publishRelease(admin, SMALL, [
      { code: 'S1', label: 'Vol simple' },
      { code: 'S2', label: 'Vol aggravé' },
      { code: 'S3', label: 'Vol avec violence' },
      { code: 'S4', label: 'Vol et recel de vol' },
    ]);
    await publishRelease(admin, LARGE, [
      { code: 'L1', label: 'Vol simple' },
      { code: 'L2', label: 'Vol aggravé' },
    ]);
    // The large list's bulk, written as an import would (same words, many versions), before any read is cached.
    await t.db.orm.em.fork().getConnection().execute(`insert into referential_entry (referential_code, code, label, recorded_in, search_text)
      select '${LARGE}', 'LB' || i, 'Vol en bande ' || i, 1, 'vol en bande ' || i || ' lb' || i from generate_series(1, ${LARGE_BULK}) i`);
  });

  it("never returns another referential's entries, ranked then by code", async () => {
    expect(await search(SMALL, 'vol')).toEqual({ total: 4, codes: ['S4', 'S1', 'S2', 'S3'] }); // S4 holds VOL twice
    expect(await search(SMALL, 'VOL aggr')).toEqual({ total: 1, codes: ['S2'] });
    const large = await search(LARGE, 'vol', 10);
    expect(large.total).toBe(LARGE_BULK + 2);
    expect(large.codes.every((c) => c.startsWith('L'))).toBe(true);
    expect(await search(LARGE, 'violence')).toEqual({ total: 0, codes: [] }); // only the small list has the word
  });

  it('gives the total of the matches on every page of a search, past its end included', async () => {
    const PAGED = `query($r: ID!, $s: String!, $after: String) {
      entries(referential: $r, filter: { search: $s }, first: 100, after: $after) { totalCount edges { node { code } } pageInfo { endCursor } } }`;
    const pages: { total: number; codes: string[] }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 6; page += 1) {
      const answer: GraphQLResponse<Untyped> = await gql(t.server, PAGED, { r: LARGE, s: 'vol', after });
      expect(answer.errors).toBeUndefined();
      const entries = answer.data!.entries;
      pages.push({ total: entries.totalCount, codes: entries.edges.map((e: Untyped) => e.node.code) });
      after = entries.pageInfo.endCursor ?? after;
    }
    // 402 matches: four pages of 100, one of 2, then an empty page past the end; each says 402 (counted apart when
    // no row can carry it).
    expect(pages.map((p) => p.total)).toEqual(Array(6).fill(LARGE_BULK + 2));
    expect(pages.map((p) => p.codes.length)).toEqual([100, 100, 100, 100, 2, 0]);
    expect(new Set(pages.flatMap((p) => p.codes)).size).toBe(LARGE_BULK + 2);
  });

  it("walks only the asked referential's postings in the index", async () => {
    // The search condition alone, without `referential_code = …`: the only plan is the GIN bitmap scan, whose
    // actual rows are the TIDs it matched. With shared lexemes (`vol:*`) it would match the large list's 402 too.
    const query = searchQuery(SMALL, ['vol']);
    const sql = `select count(*) from referential_entry e where e.search_vector @@ ${t.db.orm.em.getPlatform().formatQuery(query.sql, query.params)}`;
    const nodes = await planNodes(sql, (client) => client.query('set local enable_seqscan = off'));
    const scans = nodes.filter((node) => node['Node Type'] === 'Bitmap Index Scan');
    expect(scans).toHaveLength(1);
    expect(scans[0]['Index Name']).toBe('referential_entry_search_index');
    expect(scans[0]['Actual Rows']).toBe(4);
  });

  it("checks a search's referential on the rows found, not by ANDing the referential's whole index range", async () => {
    // The index keys already hold the referential: its own index would add a scan of every version it has.
    const where = entryConditions(LARGE, { release: 1, at: null }, { search: 'vol' });
    const sql = `select count(*) from referential_entry e where ${t.db.orm.em.getPlatform().formatQuery(where.sql, where.params)}`;
    const nodes = await planNodes(sql, async (client) => {
      // A list the size of NATINF's, mostly other words (rolled back with the transaction).
      await client.query(`insert into referential_entry (referential_code, code, label, recorded_in, search_text)
        select '${LARGE}', 'LX' || i, 'Recel ' || i, 1, 'recel ' || i from generate_series(1, 17000) i`);
      await client.query('analyze referential_entry');
      // Bitmap scans only, as PostgreSQL picks for NATINF-sized lists: which indexes does it combine?
      await client.query('set local enable_seqscan = off');
      await client.query('set local enable_indexscan = off');
    });
    expect(nodes.filter((n) => n['Node Type'].startsWith('Bitmap And'))).toEqual([]);
    expect(nodes.filter((n) => n['Node Type'] === 'Bitmap Index Scan').map((n) => n['Index Name'])).toEqual(['referential_entry_search_index']);
    expect(nodes.find((n) => n['Node Type'] === 'Aggregate')?.Plans[0]['Actual Rows']).toBe(LARGE_BULK + 2);
  });

  it('reads tsquery operators and quotes in a search as plain characters', async () => {
    // Folding leaves the words VOL and AGGR: the operators neither widen (OR, NOT) nor break the query.
    expect(await search(SMALL, `vol:* | !(aggr' \\`)).toEqual({ total: 1, codes: ['S2'] });
    expect(await search(SMALL, `simple' | 'aggr`)).toEqual({ total: 0, codes: [] });
    const { errors } = await gql(t.server, SEARCH, { r: SMALL, s: `:*&|!()'\\` });
    expect(errors?.[0].message).toBe('search needs at least one letter or digit');
    // The SQL function itself quotes each word as one lexeme, whatever it holds, and drops empty words.
    await inTransaction(async (client) => {
      const words = ["a'b", 'c\\d', 'e:*', 'f|g', '!(h)', '&', ''];
      const { rows } = await client.query('select referential_search_query($1, $2)::text as q', [SMALL, words]);
      expect(rows[0].q).toBe(`'${SMALL}|a''b':* & '${SMALL}|c\\\\d':* & '${SMALL}|e:*':* & '${SMALL}|f|g':* & '${SMALL}|!(h)':* & '${SMALL}|&':*`);
      const match = await client.query(`select $$'${SMALL}|a''b':1 '${SMALL}|c\\\\d':2$$::tsvector @@ referential_search_query($1, $2) as hit`, [
        SMALL,
        ["a'", 'c\\'],
      ]);
      expect(match.rows[0].hit).toBe(true);
    });
  });

  it('keeps positions in the scoped vector, so ranking still weighs repeated and near words', async () => {
    const [{ v }] = await t.db.orm.em
      .fork()
      .getConnection()
      .execute<{ v: string }[]>(`select referential_search_vector('NATINF', 'vol et recel de vol s4')::text as v`);
    expect(v).toBe(`'NATINF|de':4 'NATINF|et':2 'NATINF|recel':3 'NATINF|s4':6 'NATINF|vol':1,5`);
  });
});
