import { referentialDirectory } from '../../src/subgraphs/referentials/referential-directory.adapter';
import { aReferential, publishRelease } from '../builders/referential-release.builder';
import { bearer, Role } from '../support/auth';
import { gql, type Target } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

const ENTRIES = `query($r: ID!, $n: Int, $s: String) { entries(referential: $r, release: $n, filter: { search: $s }) { edges { node { code label } } } }`;
const ENTRY = `query($r: ID!, $n: Int) { entry(referential: $r, code: "SECRET", release: $n) { code label } }`;
const NESTED = `query($r: ID!, $n: Int) { referential(code: $r) { code entries(release: $n) { edges { node { code label } } } } }`;
const DIFF = `query($r: ID!) { releaseDiff(referential: $r, from: 1, to: 2) { added { code label } } }`;
const RELEASES = `query($r: ID!) { referential(code: $r) { releases { number status } draft { number notes } } }`;
const JOBS = `query($r: ID) { importJobs(referential: $r) { id file actor errors } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { id file actor } }`;

/** POSTs as `target` and keeps what the cache said (x-cache) besides the body. */
async function post(target: Target, query: string, variables: Record<string, unknown>): Promise<{ cache: string | null; text: string; body: Untyped }> {
  const authorization = await target.authorization;
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { cache: response.headers.get('x-cache'), text, body: JSON.parse(text) };
}

describe("drafts and import jobs are readable by their referential's stewards and ADMIN only", () => {
  const t = useTestServer('empty');
  const steward = () => t.as([Role.STEWARD], ['VIS']);
  const outsiders: [string, () => Target, string][] = [
    ['anonymous', () => t.server, 'UNAUTHENTICATED'],
    ['a READER', () => t.as([Role.READER]), 'FORBIDDEN'],
    ['an ARCHITECT', () => t.as([Role.ARCHITECT]), 'FORBIDDEN'],
    ["another referential's steward", () => t.as([Role.STEWARD], ['NAC']), 'FORBIDDEN'],
  ];
  let jobId = '';

  beforeAll(async () => {
    const admin = t.as([Role.ADMIN]);
    await aReferential(admin, 'VIS');
    await publishRelease(admin, 'VIS', [{ code: 'PUB', label: 'Publié' }]); // release 1
    const upload = await fetch(`${t.server.url}/imports/VIS?dryRun=true&filename=confidential-name.csv`, {
      method: 'POST',
      headers: { authorization: await bearer([Role.STEWARD], ['VIS']), 'content-type': 'text/csv' },
      body: 'code;label;parent_code;level;valid_from;valid_to\nPUB;Publié;;0;;\nX;;;0;;\n',
    });
    jobId = String(((await upload.json()) as { job: number }).job);
    const { data } = await gql(steward(), `mutation { createDraft(referential: "VIS", notes: "travail en cours") { version } }`);
    const upsert = await gql(
      steward(),
      `mutation($v: Int!) { upsertEntry(referential: "VIS", expectedVersion: $v, input: { code: "SECRET", label: "Brouillon confidentiel", legalReferences: { definedBy: "ART.L.999-9 C.SECRET." } }) { code } }`,
      { v: data!.createDraft.version },
    );
    expect(upsert.errors).toBeUndefined();
  });

  it.each(outsiders)(
    'refuses %s every read of the draft by number (entries, entry, search, nested entries, diff), leaking nothing',
    async (_who, target, code) => {
      for (const [query, variables] of [
        [ENTRIES, { r: 'VIS', n: 2 }],
        [ENTRIES, { r: 'VIS', n: 2, s: 'brouillon' }],
        [ENTRY, { r: 'VIS', n: 2 }],
        [NESTED, { r: 'VIS', n: 2 }],
        [DIFF, { r: 'VIS' }],
      ] as const) {
        const { text, body } = await post(target(), query, variables);
        expect(body.errors?.[0].extensions.code).toBe(code);
        expect(text).not.toMatch(/SECRET|Brouillon/);
      }
      // The published release stays readable; the draft is not listed and `draft` is null.
      expect((await post(target(), ENTRY, { r: 'VIS', n: 1 })).body).toEqual({ data: { entry: null } });
      expect((await post(target(), RELEASES, { r: 'VIS' })).body.data.referential).toEqual({ releases: [{ number: 1, status: 'PUBLISHED' }], draft: null });
    },
  );

  it.each(outsiders)('refuses %s the export of the draft', async (_who, target, code) => {
    const authorization = await target().authorization;
    const response = await fetch(`${t.server.url}/exports/VIS?release=2&format=json`, { headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(code === 'UNAUTHENTICATED' ? 401 : 403);
    expect(await response.text()).not.toMatch(/SECRET|Brouillon/);
    expect((await fetch(`${t.server.url}/exports/VIS?release=1&format=json`, { headers: authorization ? { authorization } : {} })).status).toBe(200);
  });

  it.each(outsiders)('refuses %s the import jobs (actors, file names, quoted lines)', async (who, target, code) => {
    for (const [query, variables] of [
      [JOBS, { r: 'VIS' }],
      [JOB, { id: jobId }],
    ] as const) {
      const { text, body } = await post(target(), query, variables);
      expect(body.errors?.[0].extensions.code).toBe(code);
      expect(text).not.toMatch(/confidential-name|test-steward/);
    }
    const all = await post(target(), JOBS, {});
    if (who === "another referential's steward")
      expect(all.body.data.importJobs).toEqual([]); // theirs only: none
    else expect(all.body.errors?.[0].extensions.code).toBe(code);
  });

  it.each([
    ['the steward', () => t.as([Role.STEWARD], ['VIS'])],
    ['an ADMIN', () => t.as([Role.ADMIN])],
  ] as const)('lets %s read the draft, its export and the jobs', async (_who, target) => {
    expect((await post(target(), ENTRY, { r: 'VIS', n: 2 })).body.data.entry).toEqual({ code: 'SECRET', label: 'Brouillon confidentiel' });
    expect((await post(target(), ENTRIES, { r: 'VIS', n: 2, s: 'brouillon' })).body.data.entries.edges).toEqual([
      { node: { code: 'SECRET', label: 'Brouillon confidentiel' } },
    ]);
    expect((await post(target(), NESTED, { r: 'VIS', n: 2 })).body.data.referential.entries.edges.map((e: Untyped) => e.node.code)).toEqual(['PUB', 'SECRET']);
    expect((await post(target(), DIFF, { r: 'VIS' })).body.data.releaseDiff.added).toEqual([{ code: 'SECRET', label: 'Brouillon confidentiel' }]);
    expect((await post(target(), RELEASES, { r: 'VIS' })).body.data.referential).toEqual({
      releases: [
        { number: 2, status: 'DRAFT' },
        { number: 1, status: 'PUBLISHED' },
      ],
      draft: { number: 2, notes: 'travail en cours' },
    });
    const authorization = await target().authorization;
    const exported = await fetch(`${t.server.url}/exports/VIS?release=2&format=json`, { headers: { authorization: authorization! } });
    expect(((await exported.json()) as { code: string }[]).map((e) => e.code)).toEqual(['PUB', 'SECRET']);
    const job = (await post(target(), JOB, { id: jobId })).body.data.importJob;
    expect(job).toEqual({ id: jobId, file: 'confidential-name.csv', actor: 'test-steward' });
    expect((await post(target(), JOBS, {})).body.data.importJobs.map((j: Untyped) => j.id)).toEqual([jobId]);
  });

  it("never serves a steward's cached draft answer to anyone else", async () => {
    for (const query of [ENTRY, RELEASES, NESTED]) {
      const variables = { r: 'VIS', n: 2 };
      await post(steward(), query, variables);
      const again = await post(steward(), query, variables);
      expect(again.cache).toBe('HIT'); // the steward's answer is in the cache …
      expect(again.text).toMatch(/SECRET|DRAFT/);
      for (const [, target] of outsiders) {
        const other = await post(target(), query, variables); // … and the same request from anyone else is not served it
        expect(other.cache).not.toBe('HIT');
        expect(other.text).not.toMatch(/SECRET|Brouillon|DRAFT|travail en cours/);
      }
    }
  });

  it('leaves the draft out of the impact of a legal text until it is published (it cites texts nobody else may see yet)', async () => {
    expect(((await referentialDirectory.citing(t.db.orm.em.fork(), 'C.SECRET.')) ?? []).map((r) => r.referentialCode)).toEqual([]);
    const version = (await post(steward(), RELEASES.replace('draft { number notes }', 'draft { version }'), { r: 'VIS' })).body.data.referential.draft.version;
    expect(
      (await gql(steward(), `mutation($v: Int!) { publishRelease(referential: "VIS", expectedVersion: $v) { number } }`, { v: version })).errors,
    ).toBeUndefined();
    expect(((await referentialDirectory.citing(t.db.orm.em.fork(), 'C.SECRET.')) ?? []).map((r) => r.referentialCode)).toEqual(['VIS']);
  });
});
