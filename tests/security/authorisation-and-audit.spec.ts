import { Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';
import { withoutApproval } from '../builders/approval.builder';
import type { Untyped } from '../support/untyped';

const DRAFT = `mutation($r: ID!) { createDraft(referential: $r) { number version } }`;
const UPSERT = `mutation($r: ID!, $v: Int!) { upsertEntry(referential: $r, expectedVersion: $v, input: { code: "99990", label: "Infraction de test", attributes: { nature: "Délit" } }) { code } }`;
const PUBLISH = `mutation($r: ID!, $v: Int!) { publishRelease(referential: $r, expectedVersion: $v) { number status } }`;
const TRAIL = `query($f: AuditFilter) { auditTrail(filter: $f, first: 50) { totalCount edges { node { actor actorKind operation target referentialCode arguments before after } } } }`;

describe('roles in the subgraphs, and the audit trail', () => {
  const t = useTestServer('demo', withoutApproval('NATINF'));
  const natinfSteward = () => t.as([Role.STEWARD], ['NATINF']);
  const nacSteward = () => t.as([Role.STEWARD], ['NAC']);
  const admin = () => t.as([Role.ADMIN]);
  const total = async (): Promise<number> => (await gql(admin(), TRAIL)).data!.auditTrail.totalCount;
  const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0].extensions?.code;

  it('refuses a NATINF draft and publish to the steward of NAC, with FORBIDDEN and no detail', async () => {
    const before = await total();
    const draft = await gql(nacSteward(), DRAFT, { r: 'NATINF' });
    expect(draft.errors?.[0]).toMatchObject({ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } });
    expect(codeOf(await gql(nacSteward(), PUBLISH, { r: 'NATINF', v: 1 }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.as([Role.ARCHITECT, Role.READER]), DRAFT, { r: 'NATINF' }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.server, DRAFT, { r: 'NATINF' }))).toBe('UNAUTHENTICATED');
    expect(await total()).toBe(before);
    await expectStillServing(t.server);
  });

  it("lets NATINF's steward draft, edit and publish NATINF, each change in the trail with its before and after", async () => {
    const { data } = await gql(natinfSteward(), DRAFT, { r: 'NATINF' });
    const { number, version } = data!.createDraft;
    expect((await gql(natinfSteward(), UPSERT, { r: 'NATINF', v: version })).errors).toBeUndefined();
    const published = await gql(natinfSteward(), PUBLISH, { r: 'NATINF', v: version + 1 });
    expect(published.data?.publishRelease).toEqual({ number, status: 'PUBLISHED' });

    const trail = (await gql(admin(), TRAIL, { f: { referential: 'NATINF' } })).data!.auditTrail;
    expect(trail.edges.map((e: Untyped) => e.node.operation)).toEqual(['publishRelease', 'upsertEntry', 'createDraft', 'import']);
    const [publish, upsert, create] = trail.edges.map((e: Untyped) => e.node);
    expect(publish).toMatchObject({
      actor: 'test-steward',
      actorKind: 'user',
      target: 'NATINF',
      referentialCode: 'NATINF',
      arguments: { referential: 'NATINF', expectedVersion: version + 1 },
    });
    const releaseChange = (rows: Untyped[]) => rows.find((r) => r.entity === 'Release');
    expect(releaseChange(publish.before).fields).toMatchObject({ status: 'DRAFT' });
    expect(releaseChange(publish.after).fields).toMatchObject({ status: 'PUBLISHED', publishedBy: 'test-steward' });
    expect(create.before).toEqual([]);
    expect(releaseChange(create.after)).toMatchObject({ type: 'create', fields: { status: 'DRAFT', number } });
    expect(upsert.after.find((r: Untyped) => r.entity === 'Entry')).toMatchObject({ type: 'create', fields: { code: '99990', label: 'Infraction de test' } });
  });

  it("records nothing for a refused or failed change (the entry is in the change's transaction)", async () => {
    const before = await total();
    expect(codeOf(await gql(natinfSteward(), PUBLISH, { r: 'NATINF', v: 1 }))).toBe('NOT_FOUND'); // no draft open
    expect(codeOf(await gql(nacSteward(), DRAFT, { r: 'NATINF' }))).toBe('FORBIDDEN');
    expect(await total()).toBe(before);
  });

  it('shows a steward the trail of their referentials only; READER and anonymous callers none of it', async () => {
    const before = await total();
    const { version } = (await gql(nacSteward(), DRAFT, { r: 'NAC' })).data!.createDraft;
    const nac = (await gql(nacSteward(), TRAIL)).data!.auditTrail;
    expect(nac.edges.map((e: Untyped) => [e.node.operation, e.node.referentialCode])).toEqual([
      ['createDraft', 'NAC'],
      ['import', 'NAC'],
    ]);
    expect(codeOf(await gql(nacSteward(), TRAIL, { f: { referential: 'NATINF' } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.as([Role.READER]), TRAIL))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.server, TRAIL))).toBe('UNAUTHENTICATED');
    expect(await total()).toBe(before + 1);
    // Leaves NAC as it found it: an open draft would refuse the HTTP import below.
    expect((await gql(nacSteward(), 'mutation($v: Int!) { discardDraft(referential: "NAC", expectedVersion: $v) }', { v: version })).errors).toBeUndefined();
  });

  it('lets an ARCHITECT change the catalog but not a referential, and audits it', async () => {
    const input = { code: 'SECU_TEST', name: 'Application de test', domain: 'PENAL', ownerBureau: 'SDSI', urbanisationZone: 'Pénal' };
    const created = await gql(t.as([Role.ARCHITECT]), 'mutation($input: CreateApplicationInput!) { createApplication(input: $input) { code } }', { input });
    expect(created.errors).toBeUndefined();
    expect(codeOf(await gql(t.as([Role.ARCHITECT]), DRAFT, { r: 'NAC' }))).toBe('FORBIDDEN');
    const trail = (await gql(admin(), TRAIL, { f: { operation: 'createApplication' } })).data!.auditTrail;
    expect(trail.edges[0].node).toMatchObject({ actor: 'test-architect', target: 'SECU_TEST', referentialCode: null });
    expect(trail.edges[0].node.after[0]).toMatchObject({ entity: 'Application', type: 'create', fields: { code: 'SECU_TEST' } });
  });

  it('is append-only: the database refuses to update, delete or truncate the trail', async () => {
    const before = await total();
    expect(before).toBeGreaterThan(0); // the demo data's own imports of NATINF and NAC
    const connection = t.db.orm.em.fork().getConnection();
    await expect(connection.execute("update audit_entry set actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from audit_entry')).rejects.toThrow(/append-only/);
    await expect(connection.execute('truncate audit_entry')).rejects.toThrow(/append-only/);
    expect(await total()).toBe(before);
  });

  it('records an HTTP import, in its own transaction, with the release it wrote', async () => {
    const csv = 'code;niveau;parent;libelle\n1;1;;Droit des personnes (import de test)\n';
    const authorization = await t.as([Role.STEWARD], ['NAC']).authorization;
    const response = await fetch(`${t.server.url}/imports/NAC?filename=nac-mini.csv&skipInvalid=true&allowMassRemoval=true`, {
      method: 'POST',
      headers: { authorization: authorization!, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(200);
    const [entry] = (await gql(admin(), TRAIL, { f: { operation: 'import' } })).data!.auditTrail.edges;
    expect(entry.node).toMatchObject({
      actor: 'test-steward',
      actorKind: 'user',
      referentialCode: 'NAC',
      arguments: { file: 'nac-mini.csv' },
      after: { release: { status: 'DRAFT' } },
    });
  });
});
