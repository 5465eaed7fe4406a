import { GATEWAY_ASSERTION_HEADER, signGatewayAssertion } from '../../src/kernel/auth/gateway-assertion';
import { ANONYMOUS } from '../../src/kernel/auth/principal';
import { bearer, Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { useSplitMode } from '../support/split-mode';
import type { Untyped } from '../support/untyped';

/** Split mode: every subgraph its own HTTP server, the gateway calling them over loopback. */
describe('split mode', () => {
  const split = useSplitMode();

  it('answers through the gateway as the one-process mode does', async () => {
    const { data, errors } = await gql(split.gateway, `{ competentCourts(insee: "01001") { type court { shortName parent { shortName } } } }`);
    expect(errors).toBeUndefined();
    expect(data.competentCourts[1]).toEqual({ type: 'TRIBUNAL_JUDICIAIRE', court: { shortName: 'TJ BOURG EN BRESSE', parent: { shortName: 'CA LYON' } } });
  });

  it('keeps error codes across the HTTP hop', async () => {
    const notFound = await gql(split.gateway, `{ competentCourts(insee: "99999") { type } }`);
    expect(notFound.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'insee' });
    const badVariable = await gql(split.gateway, `query($at: LocalDate) { competentCourts(insee: "01001", at: $at) { type } }`, { at: 'yesterday' });
    expect(badVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves each subgraph directly with its federation fields, to the holder of the gateway secret', async () => {
    const assertion = await signGatewayAssertion(ANONYMOUS, 'organisation', split.security.gatewaySecret);
    const response = await fetch(`${split.subgraph('organisation').url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_ASSERTION_HEADER]: assertion },
      body: JSON.stringify({
        query: `{ _service { sdl } _entities(representations: [{ __typename: "Court", code: "100023" }]) { ... on Court { shortName } } }`,
      }),
    });
    const { data } = (await response.json()) as { data: Untyped };
    expect(data._service.sdl).toContain('type Court');
    expect(data._entities).toEqual([{ shortName: 'CA LYON' }]);
  });

  it('refuses a subgraph called directly: no assertion, a forged one, or one signed for another subgraph', async () => {
    const query = JSON.stringify({ query: '{ courts(first: 1) { totalCount } }' });
    const call = (headers: Record<string, string>) =>
      fetch(`${split.subgraph('organisation').url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: query });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: await bearer([Role.ADMIN]) },
      { [GATEWAY_ASSERTION_HEADER]: await signGatewayAssertion(ANONYMOUS, 'organisation', 'x'.repeat(40)) },
      { [GATEWAY_ASSERTION_HEADER]: await signGatewayAssertion(ANONYMOUS, 'catalog', split.security.gatewaySecret) },
    ];
    for (const headers of attempts) {
      const response = await call(headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as Untyped).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'GATEWAY_ASSERTION_REFUSED' });
    }
    // Through the gateway, the same caller is served.
    expect((await gql(split.gateway, '{ courts(first: 1) { totalCount } }')).data?.courts.totalCount).toBeGreaterThan(500);
  });

  it('forwards the caller: a mutation without credentials is refused, with an ADMIN token it is accepted and audited', async () => {
    const create = `mutation { createCourt(input: { code: "900001", type: TRIBUNAL_JUDICIAIRE, name: "Tribunal judiciaire de Splitville", parentCode: "100023" }) { code } }`;
    expect((await gql(split.gateway, create)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const admin = { url: split.gateway.url, authorization: bearer([Role.ADMIN]) };
    expect((await gql(admin, create)).data).toEqual({ createCourt: { code: '900001' } });
    const trail = await gql(admin, '{ auditTrail(filter: { operation: "createCourt" }) { edges { node { actor operation referentialCode } } } }');
    expect(trail.data?.auditTrail.edges).toEqual([{ node: { actor: 'test-admin', operation: 'createCourt', referentialCode: 'SRJ' } }]);
  });
});
