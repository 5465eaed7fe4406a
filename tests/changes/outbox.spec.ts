import { Role } from '../support/auth';
import { ChangeType } from '../../src/kernel/outbox/change-type.enum';
import { recordChanges } from '../../src/kernel/outbox/record-changes';
import { importReferential } from '../../src/subgraphs/referentials/import/import-referential';
import { Referential } from '../../src/subgraphs/referentials/referential/referential.entity';
import { ReferentialDomain } from '../../src/subgraphs/referentials/referential/referential-domain.enum';
import { aCourt } from '../builders/court.builder';
import { aReferential, gqlOk, publishRelease, readAllChanges } from '../builders/referential-release.builder';
import { gql } from '../support/graphql-client';
import { once } from '../support/once';
import { useTestServer } from '../support/test-server';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Untyped } from '../support/untyped';

const count = async (t: ReturnType<typeof useTestServer>) =>
  Number((await t.db.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from change_event'))[0].n);

/** The transactional outbox and the `changes` pull: every published change, nothing unpublished, nothing rolled back. */
describe('change feed: outbox and changes(since:)', () => {
  const t = useTestServer('empty', async (db) => {
    const em = db.orm.em.fork();
    aCourt(em, { code: 'TJ_A', name: 'Tribunal judiciaire de Alpha' });
    aCourt(em, { code: 'TJ_B', name: 'Tribunal judiciaire de Beta' });
    await em.flush();
  });

  // FEED_A's first release, made once by the first test that needs it, so that either test passes alone.
  const feedAPublished = once(async () => {
    await aReferential(t.as([Role.ADMIN]), 'FEED_A');
    const before = await count(t);
    const draft = (await gqlOk(t.as([Role.ADMIN]), `mutation { createDraft(referential: "FEED_A") { version } }`)).createDraft;
    await gqlOk(
      t.as([Role.ADMIN]),
      `mutation($v: Int!) { upsertEntry(referential: "FEED_A", expectedVersion: $v, input: { code: "A1", label: "Un" }) { code } }`,
      { v: draft.version },
    );
    expect(await count(t)).toBe(before); // a draft is not published: nothing to tell
    await gqlOk(
      t.as([Role.ADMIN]),
      `mutation($v: Int!) { upsertEntry(referential: "FEED_A", expectedVersion: $v, input: { code: "A2", label: "Deux", validFrom: "2020-01-01" }) { code } }`,
      { v: draft.version + 1 },
    );
    await gqlOk(t.as([Role.ADMIN]), `mutation($v: Int!) { publishRelease(referential: "FEED_A", expectedVersion: $v) { number } }`, { v: draft.version + 2 });

    const { events } = await readAllChanges(t.as([Role.ADMIN]), { refs: ['FEED_A'] });
    expect(events.map((e) => [e.type, e.domain, e.entityType, e.entityKey, e.releaseNumber])).toEqual([
      ['ADDED', 'FEED_A', 'Entry', 'A1', 1],
      ['ADDED', 'FEED_A', 'Entry', 'A2', 1],
      ['ADDED', 'FEED_A', 'Release', '1', 1], // last: the release is complete
    ]);
    expect(events[2].payload).toMatchObject({ number: 1, status: 'PUBLISHED', events: 2 });
    expect(events[1].payload).toMatchObject({
      code: 'A2',
      label: 'Deux',
      parentCode: null,
      level: 1,
      attributes: {},
      validFrom: '2020-01-01',
      validTo: null,
      link: { query: 'entry', referential: 'FEED_A', code: 'A2', release: 1 },
    });
    expect(events[0].idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(3);
  });

  it('emits nothing for a draft edit, then one event per entry version when the release is published', () => feedAPublished());

  it('tells CHANGED and ENDED apart, and pages after a cursor', async () => {
    await feedAPublished();
    const { endCursor } = await readAllChanges(t.server);
    await publishRelease(t.as([Role.ADMIN]), 'FEED_A', [{ code: 'A1', label: 'Un (modifié)' }, { code: 'A2', endOn: '2026-01-01' }, { code: 'A3' }]);
    const first = (
      await gqlOk(t.as([Role.ADMIN]), `query($s: ID) { changes(since: $s, first: 2) { endCursor hasMore events { type entityKey payload } } }`, {
        s: endCursor,
      })
    ).changes;
    expect(first.hasMore).toBe(true);
    const rest = (
      await gqlOk(t.as([Role.ADMIN]), `query($s: ID) { changes(since: $s, first: 2) { endCursor hasMore events { type entityKey payload } } }`, {
        s: first.endCursor,
      })
    ).changes;
    expect(rest.hasMore).toBe(false);
    expect([...first.events, ...rest.events].map((e: Untyped) => [e.type, e.entityKey])).toEqual([
      ['CHANGED', 'A1'],
      ['ENDED', 'A2'],
      ['ADDED', 'A3'],
      ['ADDED', '2'],
    ]);
    expect(first.events[1].payload.validTo).toBe('2026-01-01');
    const ended = (await gqlOk(t.as([Role.ADMIN]), `query($s: ID) { changes(since: $s, types: [ENDED]) { events { entityKey } } }`, { s: endCursor })).changes;
    expect(ended.events).toEqual([{ entityKey: 'A2' }]);
    await gqlOk(t.as([Role.ADMIN]), `mutation { retireRelease(referential: "FEED_A", number: 1) { status } }`);
    const retired = (
      await gqlOk(t.as([Role.ADMIN]), `query($s: ID) { changes(since: $s) { events { type entityType entityKey payload } } }`, { s: rest.endCursor })
    ).changes.events;
    expect(retired).toEqual([{ type: 'ENDED', entityType: 'Release', entityKey: '1', payload: expect.objectContaining({ number: 1, status: 'RETIRED' }) }]);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = await count(t);
    // A refused publication (an empty draft) and a refused merger roll back, their events with them.
    const draft = (await gqlOk(t.as([Role.ADMIN]), `mutation { createDraft(referential: "FEED_A") { version } }`)).createDraft;
    const empty = await gql(t.as([Role.ADMIN]), `mutation($v: Int!) { publishRelease(referential: "FEED_A", expectedVersion: $v) { number } }`, {
      v: draft.version,
    });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    await gqlOk(t.as([Role.ADMIN]), `mutation($v: Int!) { discardDraft(referential: "FEED_A", expectedVersion: $v) }`, { v: draft.version });
    const merge = await gql(
      t.as([Role.ADMIN]),
      `mutation { mergeCourts(input: { sourceCodes: ["TJ_A"], targetCode: "NOPE", on: "2026-01-01" }) { reattachedCourts } }`,
    );
    expect(merge.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    // And any failure after the events are written takes them back too.
    await expect(
      t.db.orm.em.fork().transactional(async (em) => {
        await recordChanges(em, [{ type: ChangeType.ADDED, domain: 'organisation', entityType: 'Court', entityKey: 'X', payload: {} }]);
        expect(Number((await em.execute<{ n: string }[]>('select count(*) as n from change_event'))[0].n)).toBe(before + 1);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count(t)).toBe(before);
  });

  it('emits the events of an import that publishes, in its transaction; a dry run emits none', async () => {
    const em = t.db.orm.em.fork();
    const referential = em.create(Referential, {
      code: 'FEED_IMP',
      name: 'Import',
      domain: ReferentialDomain.GESTION,
      ownerBureau: 'SDSI',
      levels: [],
      attributeDefinitions: [],
    });
    await em.flush();
    const file = join(mkdtempSync(join(tmpdir(), 'rj-feed-')), 'list.csv');
    writeFileSync(file, 'code;label;parent_code;level;valid_from;valid_to\nI1;Premier;;;;\nI2;Second;;;;\n');
    const before = await count(t);
    expect((await importReferential(t.db.url, referential, file, { dryRun: true, publish: true })).outcome).not.toBe('WRITTEN');
    expect(await count(t)).toBe(before);
    expect((await importReferential(t.db.url, referential, file, { publish: true, actor: 'test' })).outcome).toBe('WRITTEN');
    const { events } = await readAllChanges(t.as([Role.ADMIN]), { refs: ['FEED_IMP'] });
    expect(events.map((e) => [e.type, e.entityKey, e.releaseNumber, e.payload.label])).toEqual([
      ['ADDED', 'I1', 1, 'Premier'],
      ['ADDED', 'I2', 1, 'Second'],
      ['ADDED', '1', 1, undefined],
    ]);
  });

  it('emits court events for creation, closure and merger', async () => {
    const { endCursor } = await readAllChanges(t.server);
    await gqlOk(
      t.as([Role.ADMIN]),
      `mutation { createCourt(input: { code: "TJ_NEW", type: TRIBUNAL_JUDICIAIRE, name: "Tribunal judiciaire de Nouveau", validFrom: "2026-01-01" }) { code } }`,
    );
    await gqlOk(t.as([Role.ADMIN]), `mutation { mergeCourts(input: { sourceCodes: ["TJ_A"], targetCode: "TJ_NEW", on: "2026-01-01" }) { reattachedCourts } }`);
    await gqlOk(t.as([Role.ADMIN]), `mutation { closeCourt(code: "TJ_B", on: "2026-02-01") { code } }`);
    const { events } = await readAllChanges(t.as([Role.ADMIN]), { since: endCursor, refs: ['organisation'] });
    expect(events.map((e) => [e.type, e.entityType, e.entityKey])).toEqual([
      ['ADDED', 'Court', 'TJ_NEW'],
      ['ENDED', 'Court', 'TJ_A'],
      ['CHANGED', 'Court', 'TJ_NEW'],
      ['ENDED', 'Court', 'TJ_B'],
    ]);
    expect(events[1].payload).toMatchObject({ code: 'TJ_A', validTo: '2026-01-01', mergedInto: 'TJ_NEW' });
    expect(events[2].payload).toMatchObject({ mergedFrom: ['TJ_A'], mergedOn: '2026-01-01' });
    expect(events[3].payload).toMatchObject({ code: 'TJ_B', type: 'TRIBUNAL_JUDICIAIRE', validTo: '2026-02-01' });
  });

  it("emits catalog and exchanges events in the mutation's transaction", async () => {
    const { endCursor } = await readAllChanges(t.server);
    await gqlOk(
      t.as([Role.ADMIN]),
      `mutation { createApplication(input: { code: "FEEDAPP", name: "Appli", domain: PENAL, ownerBureau: "DACG", lifecycleStatus: PRODUCTION, urbanisationZone: "Chaîne pénale" }) { code } }`,
    );
    await gqlOk(t.as([Role.ADMIN]), `mutation { addDeployment(input: { applicationCode: "FEEDAPP", courtCode: "TJ_B", status: DEPLOYED }) { status } }`);
    await gqlOk(
      t.as([Role.ADMIN]),
      `mutation { createApplication(input: { code: "FEEDAPP2", name: "Autre", domain: PENAL, ownerBureau: "DACG", urbanisationZone: "Chaîne pénale" }) { code } }`,
    );
    await gqlOk(
      t.as([Role.ADMIN]),
      `mutation { createExchange(input: { code: "FEED_X", name: "Flux", format: JSON, transport: WEB_SERVICE,
      producer: { applicationCode: "FEEDAPP" }, consumers: [{ applicationCode: "FEEDAPP2" }], referentialCodes: [] }) { code } }`,
    );
    const refused = await gql(
      t.as([Role.ADMIN]),
      `mutation { addDeployment(input: { applicationCode: "FEEDAPP", courtCode: "NOPE", status: DEPLOYED }) { status } }`,
    );
    expect(refused.errors).toBeDefined();
    const { events } = await readAllChanges(t.as([Role.ADMIN]), { since: endCursor, refs: ['catalog', 'exchanges'] });
    expect(events.map((e) => [e.type, e.domain, e.entityType])).toEqual([
      ['ADDED', 'catalog', 'Application'],
      ['ADDED', 'catalog', 'Deployment'],
      ['ADDED', 'catalog', 'Application'],
      ['ADDED', 'exchanges', 'Exchange'],
    ]);
    expect(events[0]).toMatchObject({ entityKey: 'FEEDAPP', payload: { code: 'FEEDAPP', name: 'Appli', lifecycleStatus: 'PRODUCTION' } });
    expect(events[1].payload).toMatchObject({ application: 'FEEDAPP', courtCode: 'TJ_B', status: 'DEPLOYED' });
    expect(events[3]).toMatchObject({ entityKey: 'FEED_X', payload: { code: 'FEED_X', name: 'Flux' } });
  });

  it('refuses a cursor that is not one', async () => {
    const { errors } = await gql(t.as([Role.ADMIN]), `{ changes(since: "abc") { hasMore } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
  });

  it('exposes the feed in /metrics and /readyz', async () => {
    const metrics = await (await fetch(`${t.server.url}/metrics`)).text();
    expect(metrics).toMatch(/rj_webhook_deliveries\{status="pending"\} 0/);
    expect(metrics).toMatch(/rj_webhook_deliveries\{status="dead"\} 0/);
    const ready = await (await fetch(`${t.server.url}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'ready', changeFeed: { webhooks: { pending: 0, dead: 0 } } });
  });
});
