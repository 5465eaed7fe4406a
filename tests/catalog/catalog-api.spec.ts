import { CoherenceService } from '../../src/subgraphs/catalog/coherence/coherence.service';
import { ImpactService } from '../../src/subgraphs/catalog/impact/impact.service';
import { catalogPorts } from '../../src/subgraphs/catalog/catalog.ports';
import type { ReferentialDirectory } from '../../src/subgraphs/catalog/federation/referential-directory';
import { aDeployment, anApplication, aUsage } from '../builders/catalog.builder';
import { aCourt } from '../builders/court.builder';
import { anExchange } from '../builders/exchange.builder';
import { Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { once } from '../support/once';
import { useTestServer } from '../support/test-server';
import { gqlOk } from '../builders/referential-release.builder';

const APP = `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { code lifecycleStatus illustrative } }`;
const app = (code: string, ownerBureau: string) => ({
  code,
  name: code,
  domain: 'PENAL',
  ownerBureau,
  urbanisationZone: 'Chaîne pénale',
  lifecycleStatus: 'PRODUCTION',
});

/** Architects' mutations, impact analysis and the coherence report, through the one-process gateway. */
describe('catalog API', () => {
  const t = useTestServer('empty', async (db) => {
    const em = db.orm.em.fork();
    aCourt(em, { code: 'TJ1', name: 'Tribunal judiciaire de Testville' });
    aCourt(em, { code: 'TJ2', name: 'Tribunal judiciaire de Closedville', validTo: '2020-01-01' });
    await em.flush();
  });

  it('has migrations that match the entities', async () => {
    expect((await t.db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });

  // The suite's story, each step run once by the first test that needs it, so that any test passes alone.
  const applicationsCreated = once(async () => {
    for (const [code, bureau] of [
      ['CASSIOPEE', 'DACG'],
      ['NPP', 'DACG'],
      ['PORTALIS', 'DSJ'],
    ]) {
      const { data, errors } = await gql(t.as([Role.ARCHITECT]), APP, { input: app(code, bureau) });
      expect(errors).toBeUndefined();
      expect(data.createApplication).toEqual({ code, lifecycleStatus: 'PRODUCTION', illustrative: false });
    }
    const bad = await gql(t.as([Role.ARCHITECT]), APP, { input: app('not a code', 'DACG') });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const twice = await gql(t.as([Role.ARCHITECT]), APP, { input: app('NPP', 'DACG') });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    const update = await gql(t.as([Role.ARCHITECT]), `mutation { updateApplication(code: "PORTALIS", input: { documentationUrl: "ftp://x" }) { code } }`);
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.documentationUrl' });
  });

  const deployedAtCourts = once(async () => {
    await applicationsCreated();
    const add = `mutation($input: AddDeploymentInput!) { addDeployment(input: $input) { status wave court { code name } application { code } } }`;
    const ok = await gql(t.as([Role.ARCHITECT]), add, { input: { applicationCode: 'CASSIOPEE', courtCode: 'TJ1', status: 'DEPLOYED', wave: 1 } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.addDeployment).toEqual({
      status: 'DEPLOYED',
      wave: 1,
      court: { code: 'TJ1', name: 'Tribunal judiciaire de Testville' },
      application: { code: 'CASSIOPEE' },
    });
    await gql(t.as([Role.ARCHITECT]), add, { input: { applicationCode: 'NPP', courtCode: 'TJ1', status: 'EXPERIMENTAL' } });
    await gql(t.as([Role.ARCHITECT]), add, { input: { applicationCode: 'NPP', courtCode: 'TJ2', status: 'DEPLOYED' } });
    const unknown = await gql(t.as([Role.ARCHITECT]), add, { input: { applicationCode: 'NPP', courtCode: 'NOPE', status: 'PLANNED' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.courtCode' });
    const badWave = await gql(t.as([Role.ARCHITECT]), add, { input: { applicationCode: 'NPP', courtCode: 'TJ1', status: 'PLANNED', wave: 0 } });
    expect(badWave.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.wave' });
    const contact = await gql(
      t.as([Role.ARCHITECT]),
      `mutation { addCourtContact(input: { courtCode: "TJ1", role: LOCAL_IT_MANAGER, name: "A. Martin", email: "a.martin@justice.fr" }) { id } }`,
    );
    expect(contact.errors).toBeUndefined();
    await gql(
      t.as([Role.ARCHITECT]),
      `mutation { addCourtContact(input: { courtCode: "TJ1", role: DIGITAL_CORRESPONDENT, name: "B. Former", email: "b@justice.fr", validTo: "2020-01-01" }) { id } }`,
    );
    const badMail = await gql(
      t.as([Role.ARCHITECT]),
      `mutation { addCourtContact(input: { courtCode: "TJ1", role: LOCAL_IT_MANAGER, name: "C", email: "nope" }) { id } }`,
    );
    expect(badMail.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const { data } = await gql(t.server, `{ court(code: "TJ1") { deployments { status application { code } } contacts { role name } } }`);
    expect(data.court.deployments).toEqual([
      { status: 'DEPLOYED', application: { code: 'CASSIOPEE' } },
      { status: 'EXPERIMENTAL', application: { code: 'NPP' } },
    ]);
    expect(data.court.contacts).toEqual([{ role: 'LOCAL_IT_MANAGER', name: 'A. Martin' }]);
    // The mutation answers from an entity, Court.deployments from plain rows: the same deployment reads alike.
    const fields = 'id courtCode status wave priority plannedOn deployedOn withdrawnOn court { code name } application { code name }';
    const written = await gql(
      t.as([Role.ARCHITECT]),
      `mutation { addDeployment(input: { applicationCode: "NPP", courtCode: "TJ1", status: EXPERIMENTAL, plannedOn: "2026-01-05" }) { ${fields} } }`,
    );
    const read = await gql(t.server, `{ court(code: "TJ1") { deployments { ${fields} } } }`);
    expect(read.data.court.deployments[1]).toEqual(written.data.addDeployment);
    expect(written.data.addDeployment).toMatchObject({ courtCode: 'TJ1', plannedOn: '2026-01-05', application: { code: 'NPP', name: 'NPP' } });
  });

  const usageAndExchangeDeclared = once(async () => {
    await deployedAtCourts();
    const usage = await gql(
      t.as([Role.ARCHITECT]),
      `mutation { declareReferentialUsage(input: { applicationCode: "CASSIOPEE", referentialCode: "NATINF", pinnedRelease: 3, mode: READ }) { pinnedRelease referential { code consumers { application { code } } } } }`,
    );
    expect(usage.errors).toBeUndefined();
    expect(usage.data.declareReferentialUsage.referential).toEqual({ code: 'NATINF', consumers: [{ application: { code: 'CASSIOPEE' } }] });
    const exchange = await gql(
      t.as([Role.ARCHITECT]),
      `mutation { createExchange(input: { code: "PROC_NPP", name: "Procédures NPP", format: JSON, transport: WEB_SERVICE,
      producer: { applicationCode: "NPP" }, consumers: [{ applicationCode: "CASSIOPEE" }, { partner: GENDARMERIE }], referentialCodes: ["NATINF"] }) { code } }`,
    );
    expect(exchange.errors).toBeUndefined();
    const { data, errors } = await gql(
      t.server,
      `{ impactOf(change: { referential: { referentialCode: "NATINF", releaseNumber: 4 } }) {
      change applications { application { code } paths { explanation } } exchanges { exchange { code name } }
      deployments { court { code name } deployment { status } path { steps { kind code } } } bureaus { bureau } } }`,
    );
    expect(errors).toBeUndefined();
    const impact = data.impactOf;
    expect(impact.applications.map((a: { application: { code: string } }) => a.application.code)).toEqual(['CASSIOPEE', 'NPP']);
    const cassiopee = impact.applications[0].paths.map((p: { explanation: string }) => p.explanation);
    expect(cassiopee).toContain('referential NATINF release 4 → read by (pinned to release 3) application CASSIOPEE');
    expect(cassiopee).toContain('referential NATINF release 4 → carried by exchange PROC_NPP → consumed by application CASSIOPEE');
    expect(impact.exchanges).toEqual([{ exchange: { code: 'PROC_NPP', name: 'Procédures NPP' } }]);
    expect(impact.deployments.map((d: { court: { code: string } }) => d.court.code).sort()).toEqual(['TJ1', 'TJ1', 'TJ2']);
    expect(impact.deployments[0].court.name).toBe('Tribunal judiciaire de Testville');
    expect(impact.deployments[0].path.steps.at(-1)).toEqual({ kind: 'COURT', code: 'TJ1' });
    expect(impact.bureaus).toEqual([{ bureau: 'DACG' }]);
  });

  const nppRetired = once(async () => {
    await usageAndExchangeDeclared();
    const retire = await gql(t.as([Role.ARCHITECT]), `mutation { setApplicationLifecycle(code: "NPP", status: RETIRED) { lifecycleStatus } }`);
    expect(retire.data.setApplicationLifecycle.lifecycleStatus).toBe('RETIRED');
    const { data } = await gql(
      t.server,
      `{ impactOf(change: { retiredApplication: "NPP" }) { applications { application { code } paths { explanation } } exchanges { exchange { code } } } }`,
    );
    expect(data.impactOf.exchanges).toEqual([{ exchange: { code: 'PROC_NPP' } }]);
    const cassiopee = data.impactOf.applications.find((a: { application: { code: string } }) => a.application.code === 'CASSIOPEE');
    expect(cassiopee.paths[0].explanation).toBe('retirement of application NPP → produced by it: exchange PROC_NPP → consumed by application CASSIOPEE');
    const report = await gql(
      t.server,
      `{ coherenceReport { issues { kind message application { code } exchange { code name } court { code } } pendingChecks } }`,
    );
    expect(report.errors).toBeUndefined();
    const kinds = report.data.coherenceReport.issues.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['RETIRED_PRODUCER', 'RETIRED_APPLICATION_DEPLOYED', 'CLOSED_COURT']));
    expect(report.data.coherenceReport.issues).toContainEqual(
      expect.objectContaining({ kind: 'RETIRED_PRODUCER', exchange: { code: 'PROC_NPP', name: 'Procédures NPP' }, application: { code: 'NPP' } }),
    );
    expect(report.data.coherenceReport.issues).toContainEqual(expect.objectContaining({ kind: 'CLOSED_COURT', court: { code: 'TJ2' } }));
    expect(report.data.coherenceReport.pendingChecks).toEqual([]); // the referentials subgraph answers every check
    const redeploy = await gql(
      t.as([Role.ARCHITECT]),
      `mutation { addDeployment(input: { applicationCode: "NPP", courtCode: "TJ1", status: DEPLOYED }) { status } }`,
    );
    expect(redeploy.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
  });

  it('creates applications and refuses bad or duplicate codes, naming the field', () => applicationsCreated());

  it('deploys at courts of the organisation subgraph and shows them on Court', () => deployedAtCourts());

  it('declares referential usage and exchanges, then follows a referential release to courts and bureaus', () => usageAndExchangeDeclared());

  it('shows a retired application in impactOf and in coherenceReport', () => nppRetired());

  it("answers alike from a mutation's entity and from read rows (by code, in lists)", async () => {
    await usageAndExchangeDeclared();
    for (const mutation of [
      `addRelease(input: { applicationCode: "CASSIOPEE", version: "4.11", releasedOn: "2025-10-06", features: ["Audiencement"] }) { id }`,
      `addRelease(input: { applicationCode: "CASSIOPEE", version: "4.12", releasedOn: "2026-03-16" }) { id }`,
      `addRoadmapItem(input: { applicationCode: "CASSIOPEE", title: "Someday" }) { id }`,
      `addRoadmapItem(input: { applicationCode: "CASSIOPEE", title: "NATINF 4", targetDate: "2026-06-01", referentialCode: "NATINF", referentialRelease: 4 }) { id }`,
    ])
      expect((await gql(t.as([Role.ARCHITECT]), `mutation { ${mutation} }`)).errors).toBeUndefined();
    const scalars = 'code name description domain ownerBureau lifecycleStatus urbanisationZone documentationUrl illustrative';
    const fields = `${scalars}
      releases { id version releasedOn notes features } roadmap { id title description targetDate status referentialCode referentialRelease legalTexts }
      deployments { id courtCode status wave court { code } application { code } } deployed: deployments(status: DEPLOYED) { courtCode }
      referentialUsages { id referentialCode pinnedRelease mode legalTexts application { code } referential { code } } exchanges { code }`;
    const written = await gql(
      t.as([Role.ARCHITECT]),
      `mutation { updateApplication(code: "CASSIOPEE", input: { description: "Chaîne pénale" }) { ${fields} } }`,
    );
    expect(written.errors).toBeUndefined();
    const application = written.data.updateApplication;
    expect(application.releases.map((r: { version: string }) => r.version)).toEqual(['4.12', '4.11']);
    expect(application.roadmap.map((r: { title: string }) => r.title)).toEqual(['NATINF 4', 'Someday']);
    expect(application).toMatchObject({ description: 'Chaîne pénale', deployed: [{ courtCode: 'TJ1' }], exchanges: [{ code: 'PROC_NPP' }] });
    expect(application.referentialUsages).toEqual([
      expect.objectContaining({ referentialCode: 'NATINF', pinnedRelease: 3, mode: 'READ', application: { code: 'CASSIOPEE' } }),
    ]);
    // One read per request, lists with fewer fields: each stays under the cost limit.
    const read = (query: string) => gqlOk(t.server, query);
    expect(await read(`{ application(code: "CASSIOPEE") { ${fields} } none: application(code: "NOPE") { code } }`)).toEqual({ application, none: null });
    const scalarsOf = (value: Record<string, unknown>) => Object.fromEntries(scalars.split(' ').map((key) => [key, value[key]]));
    const { applications } = await read(`{ applications(filter: { ownerBureau: "DACG", domain: PENAL }) { ${scalars} } }`);
    expect(applications.map((a: { code: string }) => a.code)).toEqual(['CASSIOPEE', 'NPP']);
    expect(applications[0]).toEqual(scalarsOf(application));
  });

  it('refuses a change that is not exactly one thing', async () => {
    await usageAndExchangeDeclared();
    const { errors } = await gql(t.server, `{ impactOf(change: { legalText: "x", retiredApplication: "NPP" }) { change } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'change' });
    const unknown = await gql(t.server, `{ impactOf(change: { exchangeSchema: { exchangeCode: "PROC_NPP", version: "9" } }) { change } }`);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'change.exchangeSchema.version' });
  });

  it('checks pins and unused referentials once the referentials subgraph answers', async () => {
    await usageAndExchangeDeclared();
    const em = t.db.orm.em.fork();
    const ghost = anApplication(em, { code: 'GHOSTAPP' });
    aUsage(em, ghost, 'NAC', { pinnedRelease: 1 });
    aDeployment(em, ghost, 'NO_SUCH_COURT');
    anExchange(em, { code: 'DANGLING', producer: 'NOT_IN_CATALOG', consumers: ['CASSIOPEE'] });
    await em.flush();
    const referentials: ReferentialDirectory = {
      list: async () => [
        {
          code: 'NATINF',
          releases: [
            { number: 3, status: 'RETIRED' },
            { number: 4, status: 'PUBLISHED' },
          ],
        },
        { code: 'NAC', releases: [{ number: 2, status: 'PUBLISHED' }] },
        { code: 'NOBODY', releases: [{ number: 1, status: 'PUBLISHED' }] },
      ],
      citing: async (_em, text) => (text === 'Loi 2019-222 art. 58' ? [{ referentialCode: 'NATINF' }] : []),
    };
    const report = await new CoherenceService(t.db.orm.em.fork(), { ...catalogPorts, referentials }).report('2026-01-01');
    const summary = report.issues.map((i) => `${i.kind} ${i.referential?.code ?? i.court?.code ?? ''}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'PINNED_TO_RETIRED_RELEASE NATINF',
        'PINNED_TO_UNKNOWN_RELEASE NAC',
        'UNCONSUMED_REFERENTIAL NOBODY',
        'UNKNOWN_COURT NO_SUCH_COURT',
      ]),
    );
    expect(report.issues).toContainEqual(expect.objectContaining({ kind: 'UNKNOWN_APPLICATION', exchange: { code: 'DANGLING' } }));
    expect(report.pendingChecks).toEqual([]);
    const impact = await new ImpactService(t.db.orm.em.fork(), { ...catalogPorts, referentials }).impactOf({ legalText: 'Loi 2019-222 art. 58' });
    expect(impact.applications.flatMap((a) => a.paths.map((p) => p.explanation))).toContain(
      'legal text Loi 2019-222 art. 58 → cited by referential NATINF → read by (pinned to release 3) application CASSIOPEE',
    );
    expect(impact.notes).toEqual([]);
  });
});
