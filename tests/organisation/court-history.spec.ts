import { CourtType } from '../../src/subgraphs/organisation/court/court-type.enum';
import { aCompetence, aCourt, aSite } from '../builders/court.builder';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

/** Courts are created and merged: answers depend on the day asked about. */
describe('courts over time', () => {
  const t = useTestServer('empty', async (db) => {
    const em = db.orm.em.fork();
    const ca = aCourt(em, { code: '900001', type: CourtType.COUR_APPEL, name: "Cour d'appel de Testville" });
    const closed = aCourt(em, { code: '900002', parent: ca, name: 'Tribunal judiciaire de Vieilleville', validTo: '2020-01-01' });
    const successor = aCourt(em, { code: '900003', parent: ca, name: 'Tribunal judiciaire de Nouvelleville', validFrom: '2020-01-01' });
    aSite(em, successor, { label: 'Palais de justice', inseeCode: '01053' });
    aCompetence(em, '01999', ca);
    aCompetence(em, '01999', closed, { validTo: '2020-01-01' });
    aCompetence(em, '01999', successor, { validFrom: '2020-01-01' });
    await em.flush();
  });

  const competentTj = async (at: string) => {
    const { data, errors } = await gql(t.server, `query($at: LocalDate) { competentCourts(insee: "01999", at: $at) { type court { code } } }`, { at });
    expect(errors).toBeUndefined();
    return data.competentCourts.filter((c: { type: string }) => c.type === 'TRIBUNAL_JUDICIAIRE').map((c: { court: { code: string } }) => c.court.code);
  };

  it('gives the court competent on the day asked, before and after a merger', async () => {
    expect(await competentTj('2019-12-31')).toEqual(['900002']);
    expect(await competentTj('2020-01-01')).toEqual(['900003']);
  });

  it('filters courts and children by validity', async () => {
    const query = `query($at: LocalDate) { courts(filter: { parentCode: "900001", validAt: $at }) { edges { node { code } } }
      court(code: "900001") { children(validAt: $at) { code } all: children { code } } }`;
    const before = await gql(t.server, query, { at: '2019-06-01' });
    expect(before.data.courts.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['900002']);
    expect(before.data.court.children).toEqual([{ code: '900002' }]);
    expect(before.data.court.all).toEqual([{ code: '900002' }, { code: '900003' }]);
    const after = await gql(t.server, query, { at: '2024-06-01' });
    expect(after.data.courts.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['900003']);
  });

  it('exposes validity dates and sites', async () => {
    const { data } = await gql(
      t.server,
      `{ court(code: "900003") { validFrom validTo sites { label inseeCode main } } old: court(code: "900002") { validTo } }`,
    );
    expect(data).toEqual({
      court: { validFrom: '2020-01-01', validTo: null, sites: [{ label: 'Palais de justice', inseeCode: '01053', main: true }] },
      old: { validTo: '2020-01-01' },
    });
  });
});
