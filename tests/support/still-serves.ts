import { gql, type Target } from './graphql-client';

/** After an attack, the server must still answer an ordinary query. */
export async function expectStillServing(server: Target): Promise<void> {
  const { status, data, errors } = await gql(server, '{ courts(first: 1) { totalCount } }');
  expect({ status, errors }).toEqual({ status: 200, errors: undefined });
  expect(data?.courts.totalCount).toBeGreaterThan(0);
}
