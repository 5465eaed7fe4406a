import type { HttpServer } from '../../src/kernel/http/http-server';
import { flushUsage } from '../../src/kernel/usage/usage-recorder';
import { startGatewayServer, startSubgraphServer } from '../../src/platform/servers';
import { subgraphs } from '../../src/subgraphs';
import { testSecurity } from '../support/auth';
import { gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Split mode counts at the gateway, once per client request: the planner's fetches to the subgraphs are not requests. */
describe('observed usage in split mode', () => {
  let db: TestDatabase;
  let services: HttpServer[];
  let gateway: HttpServer;

  beforeAll(async () => {
    db = await createTestDatabase('srj');
    const security = await testSecurity();
    services = await Promise.all(subgraphs.map((s) => startSubgraphServer(db.orm, s, { host: '127.0.0.1', port: 0 }, security)));
    const urls = Object.fromEntries(subgraphs.map((s, i) => [s.name, `${services[i].url}/graphql`]));
    gateway = await startGatewayServer(urls, { host: '127.0.0.1', port: 0 }, { security, orm: db.orm });
  });
  afterAll(async () => {
    await gateway.stop();
    await Promise.all(services.map((s) => s.stop()));
    await db.drop();
  });

  it('counts each request once, at the gateway, cache hits in the subgraphs included', async () => {
    const query = 'query Competent { competentCourts(insee: "01001") { type court { shortName parent { shortName } } } }';
    for (let i = 0; i < 3; i++) expect((await gql(gateway, query)).errors).toBeUndefined();
    await flushUsage();
    const rows = await db.orm.em.fork().getConnection().execute(`select coordinate, client, operation_name, requests::int from usage_field order by coordinate`);
    expect(rows).toEqual(
      ['CompetentCourt.court', 'CompetentCourt.type', 'Court.parent', 'Court.shortName', 'Query.competentCourts'].map((coordinate) => ({ coordinate, client: 'anonymous', operation_name: 'Competent', requests: 3 })),
    );
  });
});
