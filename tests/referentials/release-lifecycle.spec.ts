import { Role, tokenFor } from '../support/auth';
import { gql } from '../support/graphql-client';
import { once } from '../support/once';
import { useTestServer } from '../support/test-server';
import { withoutApproval } from '../builders/approval.builder';
import type { Untyped } from '../support/untyped';

const DRAFT = `mutation($r: ID!) { createDraft(referential: $r, notes: "test") { number status version } }`;
const END_DATE = `mutation($r: ID!, $v: Int!, $code: ID!, $to: LocalDate!) { endDateEntry(referential: $r, expectedVersion: $v, code: $code, validTo: $to) { code validTo recordedIn } }`;
const PUBLISH = `mutation($r: ID!, $v: Int!) { publishRelease(referential: $r, expectedVersion: $v) { number status publishedBy } }`;
const UPSERT = `mutation($r: ID!, $v: Int!, $input: UpsertEntryInput!) { upsertEntry(referential: $r, expectedVersion: $v, input: $input) { code label level recordedIn legalReferences { article } } }`;

/** Stewards' drafts, publication and what every reader sees before and after. */
describe('releases: drafts, publication, history and diffs', () => {
  const t = useTestServer('demo', withoutApproval('NAC', 'NATINF'));

  // A person who declares lists (ARCHITECT) and stewards the ones edited here; the token's subject is the actor.
  const steward = (actor = 'steward.nac') => ({
    url: t.server.url,
    authorization: tokenFor({ sub: actor, roles: [Role.STEWARD, Role.ARCHITECT], stewardOf: ['NAC', 'NATINF', 'TEST_LIST'] }).then(
      (token) => `Bearer ${token}`,
    ),
  });
  const ok = async (query: string, variables: Record<string, unknown> = {}, actor = 'steward.nac') => {
    const { data, errors } = await gql(steward(actor), query, variables);
    expect(errors).toBeUndefined();
    return data;
  };
  const version = async (r: string) => (await ok(`{ referential(code: "${r}") { draft { version } } }`)).referential.draft.version;
  const entryAt = async (at: string, release?: number) =>
    (await ok(`query($at: LocalDate, $rel: Int) { entry(referential: "NAC", code: "20E", at: $at, release: $rel) { code validTo } }`, { at, rel: release }))
      .entry;

  // The suite's story, each step run once by the first test that needs it: NAC release 2 end-dates 20E, then drafts.
  const nacReleaseTwo = once(async () => {
    expect((await ok(DRAFT, { r: 'NAC' })).createDraft).toEqual({ number: 2, status: 'DRAFT', version: 1 });
    // Until publication, readers still see release 1 unchanged.
    const ended = await ok(END_DATE, { r: 'NAC', v: 1, code: '20E', to: '2026-01-01' });
    expect(ended.endDateEntry).toEqual({ code: '20E', validTo: '2026-01-01', recordedIn: 2 });
    expect(await entryAt('2026-06-01')).toEqual({ code: '20E', validTo: null });
    expect((await ok(PUBLISH, { r: 'NAC', v: 2 })).publishRelease).toEqual({ number: 2, status: 'PUBLISHED', publishedBy: 'steward.nac' });
  });
  const nacDraft = once(async () => {
    await nacReleaseTwo();
    await ok(DRAFT, { r: 'NAC' });
  });
  const natinfDraft = once(() => ok(DRAFT, { r: 'NATINF' }));

  it('end-dates an entry in a published release: earlier days keep the old answer, later days lose it', async () => {
    await nacReleaseTwo();
    expect(await entryAt('2025-06-01')).toEqual({ code: '20E', validTo: '2026-01-01' });
    expect(await entryAt('2026-06-01')).toBeNull();
    expect(await entryAt('2026-06-01', 1)).toEqual({ code: '20E', validTo: null }); // release 1 is immutable
  });

  it('diffs two releases: exactly the changed entry, field by field', async () => {
    await nacReleaseTwo();
    const { releaseDiff } = await ok(
      `{ releaseDiff(referential: "NAC", from: 1, to: 2) { added { code } removed { code } changed { code changes { field before after } } } }`,
    );
    expect(releaseDiff).toEqual({ added: [], removed: [], changed: [{ code: '20E', changes: [{ field: 'validTo', before: null, after: '"2026-01-01"' }] }] });
  });

  it('keeps every version in the history of an entry', async () => {
    await nacReleaseTwo();
    const { entryHistory } = await ok(`{ entryHistory(referential: "NAC", code: "20E") { recordedIn supersededIn validTo label } }`);
    expect(entryHistory.map((v: Untyped) => [v.recordedIn, v.supersededIn, v.validTo])).toEqual([
      [1, 2, null],
      [2, null, '2026-01-01'],
    ]);
  });

  it('protects a draft edited by two stewards: the second write is a CONFLICT and changes nothing', async () => {
    await nacDraft();
    const v = await version('NAC');
    await ok(UPSERT, { r: 'NAC', v, input: { code: '20Z', label: 'Autres demandes (steward A)', parentCode: '20' } }, 'a');
    const second = await gql(steward(), UPSERT, { r: 'NAC', v, input: { code: '20Z', label: 'Autres demandes (steward B)', parentCode: '20' } });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_CHANGED', field: 'expectedVersion' });
    const draft = (await ok(`{ referential(code: "NAC") { draft { number } } }`)).referential.draft.number;
    const stored = await ok(`query($rel: Int) { entry(referential: "NAC", code: "20Z", release: $rel) { label } }`, { rel: draft });
    expect(stored.entry.label).toBe('Autres demandes (steward A)');
  });

  it('refuses bad entries with BAD_USER_INPUT naming the field', async () => {
    await nacDraft();
    const v = await version('NAC');
    const cases: [Record<string, unknown>, string][] = [
      [{ code: '20Y', label: 'x', parentCode: 'NOPE' }, 'input.parentCode'],
      [{ code: '20Y', label: 'x', parentCode: '20', level: 2 }, 'input.level'],
      [{ code: 'bad code!', label: 'x' }, 'input.code'],
      [{ code: '20Y', label: '' }, 'input.label'],
      [{ code: '20Y', label: 'x', parentCode: '20', validFrom: '2026-01-01', validTo: '2025-01-01' }, 'input.validTo'],
    ];
    for (const [input, field] of cases) {
      const { errors } = await gql(steward(), UPSERT, { r: 'NAC', v, input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await version('NAC')).toBe(v); // refused edits do not bump the draft
  });

  it('validates typed attributes and parses legal texts of NATINF entries', async () => {
    await natinfDraft();
    const v = await version('NATINF');
    const bad = await gql(steward(), UPSERT, { r: 'NATINF', v, input: { code: '99999', label: 'X', attributes: { nature: 'Crime contre la logique' } } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attributes.nature' });
    const unknown = await gql(steward(), UPSERT, { r: 'NATINF', v, input: { code: '99999', label: 'X', attributes: { nature: 'Délit', gravite: 3 } } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attributes.gravite' });
    const missing = await gql(steward(), UPSERT, { r: 'NATINF', v, input: { code: '99999', label: 'X' } });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attributes.nature' });
    const created = await ok(UPSERT, {
      r: 'NATINF',
      v,
      input: {
        code: '99999',
        label: 'INFRACTION DE TEST',
        attributes: { nature: 'Délit' },
        legalReferences: { definedBy: 'ART.56 LOI 48-1360 DU 01/09/1948.', punishedBy: 'texte illisible' },
      },
    });
    expect(created.upsertEntry.legalReferences).toEqual([{ article: '56' }, { article: null }]);
  });

  it('publishes nothing twice, discards a draft, and retires only superseded releases', async () => {
    await nacReleaseTwo();
    await natinfDraft();
    const discarded = await ok(`mutation($v: Int!) { discardDraft(referential: "NATINF", expectedVersion: $v) }`, { v: await version('NATINF') });
    expect(discarded.discardDraft).toBe(2);
    expect((await ok(`{ entry(referential: "NATINF", code: "99999") { code } }`)).entry).toBeNull();
    await ok(DRAFT, { r: 'NATINF' });
    const empty = await gql(steward(), PUBLISH, { r: 'NATINF', v: await version('NATINF') });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_RELEASE_STATE' });
    const latest = await gql(steward(), `mutation { retireRelease(referential: "NAC", number: 2) { status } }`);
    expect(latest.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await ok(`mutation { retireRelease(referential: "NAC", number: 1) { status retiredAt } }`)).retireRelease.status).toBe('RETIRED');
    expect(await entryAt('2026-06-01', 1)).toEqual({ code: '20E', validTo: null }); // a retired release stays readable
  });

  it('records a crosswalk from an old NAC code to its successor, visible from the release that records it', async () => {
    await nacDraft();
    const draft = (await ok(`{ referential(code: "NAC") { draft { number } } }`)).referential.draft.number;
    const mapping = await ok(
      `mutation($v: Int!) { addEntryMapping(referential: "NAC", expectedVersion: $v, fromCode: "51A", kind: REPLACED_BY, toReferential: "NAC", toCode: "5AA") { kind toReferential toCode recordedIn } }`,
      { v: await version('NAC') },
    );
    expect(mapping.addEntryMapping).toEqual({ kind: 'REPLACED_BY', toReferential: 'NAC', toCode: '5AA', recordedIn: draft });
    const inDraft = await ok(`query($rel: Int) { entry(referential: "NAC", code: "51A", release: $rel) { mappings { kind toCode } } }`, { rel: draft });
    expect(inDraft.entry.mappings).toEqual([{ kind: 'REPLACED_BY', toCode: '5AA' }]);
    expect((await ok(`{ entry(referential: "NAC", code: "51A") { mappings { kind } } }`)).entry.mappings).toEqual([]); // not published yet
    const dangling = await gql(
      steward(),
      `mutation($v: Int!) { addEntryMapping(referential: "NAC", expectedVersion: $v, fromCode: "51A", kind: EQUIVALENT, toReferential: "NAC", toCode: "NOPE") { kind } }`,
      { v: await version('NAC') },
    );
    expect(dangling.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toCode' });
  });

  it('creates a referential of its own and refuses a second draft', async () => {
    const input = {
      code: 'TEST_LIST',
      name: 'Liste de test',
      domain: 'GESTION',
      ownerBureau: 'SDSI',
      levels: [],
      attributes: [{ name: 'couleur', type: 'ENUM', values: ['bleu', 'rouge'] }],
    };
    expect((await ok(`mutation($input: CreateReferentialInput!) { createReferential(input: $input) { code } }`, { input })).createReferential.code).toBe(
      'TEST_LIST',
    );
    const again = await gql(steward(), `mutation($input: CreateReferentialInput!) { createReferential(input: $input) { code } }`, { input });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    await ok(DRAFT, { r: 'TEST_LIST' });
    const second = await gql(steward(), DRAFT, { r: 'TEST_LIST' });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_ALREADY_OPEN' });
  });
});
