import { graphql } from 'graphql';
import { organisationSubgraph } from '../../src/subgraphs/organisation/organisation.subgraph';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

/** A page of courts with their relations costs the same number of SQL statements whatever its size. */
describe('court relations are batched', () => {
  const t = useTestServer('srj');

  const statementsFor = async (first: number): Promise<number> => {
    t.db.queries.length = 0;
    const { data, errors } = await gql(
      t.server,
      `query($first: Int) { courts(filter: { type: CONSEIL_PRUDHOMMES }, first: $first) {
      totalCount edges { node { code parent { code parent { code } } children { code } sites { label } ancestors { code } } } } }`,
      { first },
    );
    expect(errors).toBeUndefined();
    expect(data.courts.edges).toHaveLength(first);
    return t.db.queries.filter((q) => /\b(select|insert|update|delete)\b/i.test(q)).length;
  };

  it('does not grow with the page size', async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(100);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(10);
  });

  it('resolves many Court references (what the gateway sends other subgraphs) in one statement', async () => {
    const representations = ['100023', '100039', '963071', '100937', 'TC_BOURG_EN_BRESSE', 'missing'].map((code) => ({ __typename: 'Court', code }));
    t.db.queries.length = 0;
    const result = await graphql({
      schema: await organisationSubgraph.buildSchema(),
      source: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Court { code shortName } } }',
      variableValues: { r: representations },
      contextValue: { em: t.db.orm.em.fork() },
    });
    expect(result.errors).toBeUndefined();
    expect((result.data?._entities as unknown[]).filter(Boolean)).toHaveLength(5);
    expect((result.data?._entities as unknown[])[5]).toBeNull();
    expect(t.db.queries.filter((q) => /\bselect\b/i.test(q))).toHaveLength(1);
  });
});
