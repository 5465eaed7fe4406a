import type { HttpServer } from '../../src/kernel/http/http-server';
import { startGatewayServer, startSubgraphServer } from '../../src/platform/servers';
import { subgraphs } from '../../src/subgraphs';
import { gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Split mode: every subgraph its own HTTP server, the gateway calling them over loopback. */
describe('split mode', () => {
  let db: TestDatabase;
  let services: HttpServer[];
  let gateway: HttpServer;

  beforeAll(async () => {
    db = await createTestDatabase('srj');
    services = await Promise.all(subgraphs.map((s) => startSubgraphServer(db.orm, s, { host: '127.0.0.1', port: 0 })));
    const urls = Object.fromEntries(subgraphs.map((s, i) => [s.name, `${services[i].url}/graphql`]));
    gateway = await startGatewayServer(urls, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await gateway.stop();
    await Promise.all(services.map((s) => s.stop()));
    await db.drop();
  });

  it('answers through the gateway as the one-process mode does', async () => {
    const { data, errors } = await gql(gateway, `{ competentCourts(insee: "01001") { type court { shortName parent { shortName } } } }`);
    expect(errors).toBeUndefined();
    expect(data.competentCourts[1]).toEqual({ type: 'TRIBUNAL_JUDICIAIRE', court: { shortName: 'TJ BOURG EN BRESSE', parent: { shortName: 'CA LYON' } } });
  });

  it('keeps error codes across the HTTP hop', async () => {
    const notFound = await gql(gateway, `{ competentCourts(insee: "99999") { type } }`);
    expect(notFound.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'insee' });
    const badVariable = await gql(gateway, `query($at: LocalDate) { competentCourts(insee: "01001", at: $at) { type } }`, { at: 'yesterday' });
    expect(badVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves each subgraph directly with its federation fields', async () => {
    const { data } = await gql(services[0], `{ _service { sdl } _entities(representations: [{ __typename: "Court", code: "100023" }]) { ... on Court { shortName } } }`);
    expect(data._service.sdl).toContain('type Court');
    expect(data._entities).toEqual([{ shortName: 'CA LYON' }]);
  });
});
