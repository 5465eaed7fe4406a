import { loadDemoDataIfEmpty } from '../../src/demo-data/load-demo-data';
import { Application } from '../../src/subgraphs/catalog/application/application.entity';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

/** The illustrative IS map loaded over the real courts, and what the API says about it. */
describe('illustrative IS map (demo data)', () => {
  const t = useTestServer('srj', async (db) => {
    await loadDemoDataIfEmpty(db.orm, '/nonexistent');
  });

  it('loads once, marked illustrative', async () => {
    const count = await t.db.orm.em.fork().count(Application, {});
    await loadDemoDataIfEmpty(t.db.orm, '/nonexistent');
    expect(await t.db.orm.em.fork().count(Application, {})).toBe(count);
    const { data } = await gql(t.server, `{ applications { code illustrative } exchanges { illustrative } }`);
    expect(data.applications.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['CASSIOPEE', 'PORTALIS', 'WINCI', 'MINOS', 'APPI', 'NPP', 'PLINE', 'PLEX', 'E_BARREAU']),
    );
    const retired = await gql(t.server, `{ applications(filter: { lifecycleStatus: RETIRED }) { code } }`);
    expect(retired.data.applications).toEqual([{ code: 'GIDE' }]);
    expect([...data.applications, ...data.exchanges].every((x: { illustrative: boolean }) => x.illustrative)).toBe(true);
  });

  it('walks from the TJ of Bourg-en-Bresse to the referentials its applications exchange', async () => {
    const { data, errors } = await gql(
      t.server,
      `{ court(code: "100039") { name deployments { status application { code exchanges(role: PRODUCER) { code referentials { code } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const cassiopee = data.court.deployments.find((d: { application: { code: string } }) => d.application.code === 'CASSIOPEE');
    expect(cassiopee.application.exchanges).toContainEqual({ code: 'CASSIOPEE_APPI', referentials: [{ code: 'NATINF' }] });
  });

  it('reports the retired GIDE still consuming an exchange, and validates a PLINE_NPP message', async () => {
    const { data } = await gql(t.server, `{ coherenceReport { issues { kind exchange { code } application { code } } } }`);
    expect(data.coherenceReport.issues).toContainEqual({ kind: 'RETIRED_CONSUMER', exchange: { code: 'CASSIOPEE_GIDE' }, application: { code: 'GIDE' } });
    const check = await gql(
      t.server,
      `{ validateMessage(exchange: "PLINE_NPP", version: "1.0", payload: { procedureNumber: "12345/00001/2026", offences: [{ natinf: "abc" }] }) { valid errors { path } } }`,
    );
    expect(check.data.validateMessage).toEqual({ valid: false, errors: [{ path: '/offences/0/natinf' }] });
  });
});
