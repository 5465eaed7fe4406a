import { publishDueReleases, SCHEDULER_ACTOR } from '../../src/subgraphs/referentials/scheduler/release-scheduler';
import { readAllChanges } from '../builders/referential-release.builder';
import { bearer, Role, tokenFor } from '../support/auth';
import { gql, type Target } from '../support/graphql-client';
import { once } from '../support/once';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

const DRAFT = `mutation($r: ID!) { createDraft(referential: $r) { number version } }`;
const UPSERT = `mutation($r: ID!, $v: Int!, $code: ID!, $label: String!) { upsertEntry(referential: $r, expectedVersion: $v, input: { code: $code, label: $label, parentCode: "20" }) { code } }`;
const SUBMIT = `mutation($r: ID!, $v: Int!, $note: String, $on: LocalDate) { submitRelease(referential: $r, expectedVersion: $v, note: $note, effectiveOn: $on) { number stage reviewState submittedBy submittedVersion effectiveOn } }`;
const APPROVE = `mutation($r: ID!, $v: Int!) { approveRelease(referential: $r, expectedVersion: $v, note: "vu") { number stage approvedBy approvedVersion } }`;
const REJECT = `mutation($r: ID!, $reason: String!) { rejectRelease(referential: $r, reason: $reason) { stage } }`;
const COMMENT = `mutation($r: ID!, $body: String!, $entry: ID) { commentRelease(referential: $r, body: $body, entryCode: $entry) { kind author entryCode body releaseNumber } }`;
const PUBLISH = `mutation($r: ID!, $v: Int!) { publishRelease(referential: $r, expectedVersion: $v) { number status stage publishedBy effectiveOn } }`;
const OPEN = `query($r: ID!) { referential(code: $r) { requiresApproval latestRelease { number } draft { number version stage reviewStale comments { kind author body entryCode } } } }`;
const TRAIL = `query($f: AuditFilter) { auditTrail(filter: $f, first: 50) { edges { node { actor actorKind operation } } } }`;

/** Four-eyes publication and scheduled releases, through HTTP as stewards' tools call them. */
describe('release review: submit, approve by someone else, reject, schedule', () => {
  const t = useTestServer('demo');
  const person = (sub: string, roles: Role[], stewardOf: string[] = []): Target => ({
    url: t.server.url,
    authorization: tokenFor({ sub, roles, stewardOf }).then((token) => `Bearer ${token}`),
  });
  const alice = () => person('alice', [Role.STEWARD], ['NAC']);
  const bob = () => person('bob', [Role.STEWARD], ['NAC']);
  const carol = () => person('carol', [Role.STEWARD], ['NATINF']);
  const admin = () => person('root', [Role.ADMIN]);
  const ok = async (who: Target, query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await gql(who, query, variables);
    expect(errors).toBeUndefined();
    return data;
  };
  const refusal = async (who: Target, query: string, variables: Record<string, unknown>) => (await gql(who, query, variables)).errors?.[0]?.extensions;
  const open = async () => (await ok(alice(), OPEN, { r: 'NAC' })).referential;
  const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  // NAC's review story, each step run once by the first test that needs it (so that any test passes alone): draft 2
  // is changed, submitted, changed again, approved and published; draft 3 is rejected, scheduled, then published.
  const changedDraft = once(async () => {
    const draft = (await ok(alice(), DRAFT, { r: 'NAC' })).createDraft;
    await ok(alice(), UPSERT, { r: 'NAC', v: draft.version, code: '20Y', label: 'Demande nouvelle' });
    return draft;
  });
  const submitted = once(async () => {
    await changedDraft();
    const { version } = (await open()).draft;
    return { version, release: (await ok(alice(), SUBMIT, { r: 'NAC', v: version, note: 'à relire' })).submitRelease };
  });
  const approvedAfterChange = once(async () => {
    const { version } = await submitted();
    await ok(alice(), UPSERT, { r: 'NAC', v: version, code: '20X', label: 'Ajout après soumission' });
    expect((await open()).draft).toMatchObject({ stage: 'SUBMITTED', reviewStale: true });
    expect(await refusal(bob(), APPROVE, { r: 'NAC', v: version + 1 })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVIEW' });
    await ok(alice(), SUBMIT, { r: 'NAC', v: version + 1 });
    expect(await refusal(bob(), APPROVE, { r: 'NAC', v: version })).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_CHANGED' });
    expect((await ok(bob(), COMMENT, { r: 'NAC', body: 'Libellé à harmoniser', entry: '20X' })).commentRelease).toEqual({
      kind: 'COMMENT',
      author: 'bob',
      entryCode: '20X',
      body: 'Libellé à harmoniser',
      releaseNumber: 2,
    });
    expect(await refusal(bob(), COMMENT, { r: 'NAC', body: 'inconnue', entry: 'NOPE' })).toMatchObject({ code: 'NOT_FOUND', field: 'entryCode' });
    return (await ok(bob(), APPROVE, { r: 'NAC', v: version + 1 })).approveRelease;
  });
  const publishedTwo = once(async () => {
    await approvedAfterChange();
    return (await ok(alice(), PUBLISH, { r: 'NAC', v: (await open()).draft.version })).publishRelease;
  });
  const rejectedThree = once(async () => {
    await publishedTwo();
    const draft = (await ok(alice(), DRAFT, { r: 'NAC' })).createDraft;
    await ok(alice(), UPSERT, { r: 'NAC', v: draft.version, code: '20W', label: 'À rejeter' });
    await ok(alice(), SUBMIT, { r: 'NAC', v: draft.version + 1 });
    expect(await refusal(bob(), REJECT, { r: 'NAC', reason: '  ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await ok(bob(), REJECT, { r: 'NAC', reason: 'Code déjà pris' })).rejectRelease).toEqual({ stage: 'DRAFT' });
    return draft;
  });
  const scheduledThree = once(async () => {
    await rejectedThree();
    const { version } = (await open()).draft;
    expect(await refusal(alice(), SUBMIT, { r: 'NAC', v: version, on: yesterday() })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveOn' });
    const on = tomorrow();
    expect((await ok(alice(), SUBMIT, { r: 'NAC', v: version, on })).submitRelease).toMatchObject({ stage: 'SUBMITTED', effectiveOn: on });
    await ok(admin(), APPROVE, { r: 'NAC', v: version });
    return { version, on };
  });
  const publishedThreeOnItsDay = once(async () => {
    await scheduledThree();
    // Its day comes (the clock moved: its date is now today); two instances' schedulers run at once: published once.
    const day = new Date().toISOString().slice(0, 10);
    await t.db.orm.em.fork().execute(`update referential_release set effective_on = ? where referential_code = 'NAC' and number = 3`, [day]);
    return { day, runs: await Promise.all([publishDueReleases(t.db.orm), publishDueReleases(t.db.orm)]) };
  });

  it('refuses to publish a draft of NAC (four-eyes) that nobody approved, and publishes nothing', async () => {
    const draft = await changedDraft();
    expect(await refusal(alice(), PUBLISH, { r: 'NAC', v: draft.version + 1 })).toMatchObject({ code: 'CONFLICT', reason: 'APPROVAL_REQUIRED' });
    const state = await open();
    expect(state).toMatchObject({ requiresApproval: true, latestRelease: { number: 1 }, draft: { number: 2, stage: 'DRAFT' } });
  });

  it('refuses an HTTP import that would publish NATINF straight away (it requires approval), and records the refusal', async () => {
    const response = await fetch(`${t.server.url}/imports/NATINF?publish=true&filename=natinf.csv`, {
      method: 'POST',
      headers: { authorization: await bearer([Role.STEWARD], ['NATINF']), 'content-type': 'text/csv' },
      body: 'x',
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as Untyped).errors[0]).toMatchObject({
      message: expect.stringMatching(/requires approval/),
      extensions: { code: 'CONFLICT' },
    });
    expect(await ok(admin(), `{ importJobs(referential: "NATINF") { status } referential(code: "NATINF") { latestRelease { number } } }`)).toEqual({
      importJobs: [{ status: 'REFUSED' }],
      referential: { latestRelease: { number: 1 } },
    });
  });

  it('refuses self-approval and approval by a steward of another referential', async () => {
    const { version, release } = await submitted();
    expect(release).toEqual({ number: 2, stage: 'SUBMITTED', reviewState: 'SUBMITTED', submittedBy: 'alice', submittedVersion: version, effectiveOn: null });
    expect(await refusal(alice(), APPROVE, { r: 'NAC', v: version })).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });
    expect(await refusal(carol(), APPROVE, { r: 'NAC', v: version })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await open()).draft.stage).toBe('SUBMITTED');
  });

  it('refuses to approve a draft that changed since it was submitted, until it is submitted again', async () => {
    const { version } = await submitted();
    expect(await approvedAfterChange()).toEqual({ number: 2, stage: 'APPROVED', approvedBy: 'bob', approvedVersion: version + 1 });
  });

  it('publishes the approved draft, with every step in the audit trail and on the change feed', async () => {
    await approvedAfterChange();
    const before = await readAllChanges(admin(), { refs: ['NAC'] });
    const { comments } = (await open()).draft;
    expect(comments.map((c: Untyped) => [c.kind, c.author, c.entryCode])).toEqual([
      ['SUBMITTED', 'alice', null],
      ['SUBMITTED', 'alice', null],
      ['COMMENT', 'bob', '20X'],
      ['APPROVED', 'bob', null],
    ]);
    expect(await publishedTwo()).toEqual({ number: 2, status: 'PUBLISHED', stage: 'PUBLISHED', publishedBy: 'alice', effectiveOn: null });
    const trail = (await ok(admin(), TRAIL, { f: { referential: 'NAC' } })).auditTrail.edges.map((e: Untyped) => `${e.node.operation}:${e.node.actor}`);
    expect(trail.slice(0, 7)).toEqual([
      'publishRelease:alice',
      'approveRelease:bob',
      'commentRelease:bob',
      'submitRelease:alice',
      'upsertEntry:alice',
      'submitRelease:alice',
      'upsertEntry:alice',
    ]);
    const events = (await readAllChanges(admin(), { since: before.endCursor, refs: ['NAC'] })).events;
    expect(events.map((e) => e.entityType)).toEqual(['Entry', 'Entry', 'Release']);
    expect(events.at(-1).payload).toMatchObject({ number: 2, approvedBy: 'bob', effectiveOn: null });
    const review = before.events.filter((e) => e.entityType === 'ReleaseReview').map((e) => [e.payload.step, e.payload.by, e.releaseNumber]);
    expect(review).toEqual([
      ['SUBMITTED', 'alice', 2],
      ['SUBMITTED', 'alice', 2],
      ['APPROVED', 'bob', 2],
    ]);
  });

  it('sends a submitted draft back to DRAFT with a reason, which needs one', async () => {
    const draft = await rejectedThree();
    expect((await open()).draft.comments.at(-1)).toEqual({ kind: 'REJECTED', author: 'bob', body: 'Code déjà pris', entryCode: null });
    expect(await refusal(bob(), APPROVE, { r: 'NAC', v: draft.version + 1 })).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_RELEASE_STATE' });
  });

  it('schedules an approved release: refused in the past, upcoming until its day, then published once by the platform', async () => {
    const { version, on } = await scheduledThree();
    const upcoming = `{ upcomingReleases(referential: "NAC") { number stage effectiveOn referentialCode } referential(code: "NAC") { upcomingReleases { number } } }`;
    expect(await ok(t.server, upcoming)).toEqual({
      upcomingReleases: [{ number: 3, stage: 'APPROVED', effectiveOn: on, referentialCode: 'NAC' }],
      referential: { upcomingReleases: [{ number: 3 }] },
    });
    expect(await refusal(alice(), PUBLISH, { r: 'NAC', v: version })).toMatchObject({ code: 'CONFLICT', reason: 'RELEASE_SCHEDULED' });
    expect(await publishDueReleases(t.db.orm)).toEqual([]); // not yet its day

    const before = await readAllChanges(admin(), { refs: ['NAC'] });
    const { day, runs } = await publishedThreeOnItsDay();
    expect(runs.flat()).toEqual([{ referential: 'NAC', number: 3, effectiveOn: day }]);
    const released = (
      await ok(t.server, `{ referential(code: "NAC") { latestRelease { number status publishedBy effectiveOn approvedBy } draft { number } } }`)
    ).referential;
    expect(released).toEqual({
      latestRelease: { number: 3, status: 'PUBLISHED', publishedBy: SCHEDULER_ACTOR, effectiveOn: day, approvedBy: 'root' },
      draft: null,
    });
    const events = (await readAllChanges(admin(), { since: before.endCursor, refs: ['NAC'] })).events;
    expect(events.map((e) => e.entityType)).toEqual(['Entry', 'Release']);
    expect(events[1].payload).toMatchObject({ number: 3, effectiveOn: day, publishedBy: SCHEDULER_ACTOR });
    expect((await ok(t.server, upcoming)).upcomingReleases).toEqual([]);
    const trail = (await ok(admin(), TRAIL, { f: { referential: 'NAC' } })).auditTrail.edges[0].node;
    expect(trail).toEqual({ actor: SCHEDULER_ACTOR, actorKind: 'platform', operation: 'publishRelease' });
  });

  it('lists the pending reviews of the caller’s referentials only', async () => {
    await publishedThreeOnItsDay();
    const draft = (await ok(alice(), DRAFT, { r: 'NAC' })).createDraft;
    await ok(alice(), UPSERT, { r: 'NAC', v: draft.version, code: '20V', label: 'En attente' });
    await ok(alice(), SUBMIT, { r: 'NAC', v: draft.version + 1 });
    const pending = `{ pendingReviews { referentialCode number submittedBy } }`;
    expect((await ok(bob(), pending)).pendingReviews).toEqual([{ referentialCode: 'NAC', number: 4, submittedBy: 'alice' }]);
    expect((await ok(carol(), pending)).pendingReviews).toEqual([]);
    expect((await gql(t.server, pending)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
