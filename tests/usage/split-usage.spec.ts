import { flushUsage } from '../../src/kernel/usage/usage-recorder';
import { gql } from '../support/graphql-client';
import { useSplitMode } from '../support/split-mode';

/** Split mode counts at the gateway, once per client request: the planner's fetches to the subgraphs are not requests. */
describe('observed usage in split mode', () => {
  const split = useSplitMode();

  it('counts each request once, at the gateway, cache hits in the subgraphs included', async () => {
    const query = 'query Competent { competentCourts(insee: "01001") { type court { shortName parent { shortName } } } }';
    for (let i = 0; i < 3; i++) expect((await gql(split.gateway, query)).errors).toBeUndefined();
    await flushUsage();
    const rows = await split.db.orm.em
      .fork()
      .getConnection()
      .execute(`select coordinate, client, operation_name, requests::int from usage_field order by coordinate`);
    expect(rows).toEqual(
      ['CompetentCourt.court', 'CompetentCourt.type', 'Court.parent', 'Court.shortName', 'Query.competentCourts'].map((coordinate) => ({
        coordinate,
        client: 'anonymous',
        operation_name: 'Competent',
        requests: 3,
      })),
    );
  });
});
