import { bearer, Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { useSplitMode } from '../support/split-mode';
import { expectStillServing } from '../support/still-serves';

const INTERNALS = /\bselect\b|\bfrom "|node_modules|\/src\/|\.ts:\d|DOWNSTREAM_SERVICE_ERROR/i;

/** The same guarantees when every subgraph is its own HTTP service behind the gateway. */
describe('the API edge in split mode', () => {
  const split = useSplitMode();

  it('refuses hostile input at the gateway and shows no database text, even when the database fails', async () => {
    const nul = await gql(split.gateway, '{ court(code: "\\u0000") { code } }');
    expect(nul.status).toBe(400);
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const costly = await gql(split.gateway, '{ court(code: "100001") { children { parent { children { parent { children { code } } } } } } }');
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0].extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY' });
    // Import jobs are for stewards and ADMIN: a malformed id is checked for them; an anonymous caller is refused as
    // such, not answered 503 as if the subgraph had refused the gateway.
    const admin = { url: split.gateway.url, authorization: bearer([Role.ADMIN]) };
    expect((await gql(admin, '{ importJob(id: "abc") { id } }')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const anonymousJob = await gql(split.gateway, '{ importJob(id: "1") { id } }');
    expect(anonymousJob.status).toBe(401);
    expect(anonymousJob.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const cursor = Buffer.from(JSON.stringify(['\u0000'])).toString('base64url');
    expect((await gql(split.gateway, `{ courts(after: "${cursor}") { totalCount } }`)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CURSOR',
    });

    await split.db.orm.em.getConnection().execute('alter table court rename to court_away');
    try {
      const failed = await gql(split.gateway, '{ court(code: "100001") { code } }');
      expect(failed.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(failed)).not.toMatch(INTERNALS);
    } finally {
      await split.db.orm.em.getConnection().execute('alter table court_away rename to court');
    }
    const unknown = await fetch(`${split.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
    });
    expect(unknown.status).toBe(400);
    const anonymousWrite = await gql(split.gateway, 'mutation { closeCourt(code: "100023", on: "2030-01-01") { code } }');
    expect(anonymousWrite.status).toBe(401);
    await expectStillServing(split.gateway);
  });
});
