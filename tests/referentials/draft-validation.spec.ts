import { aReferential, gqlOk, publishRelease } from '../builders/referential-release.builder';
import { bearer, Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

const UPSERT = `mutation($r: ID!, $v: Int!, $input: UpsertEntryInput!) { upsertEntry(referential: $r, expectedVersion: $v, input: $input) { code level } }`;
const PUBLISH = `mutation($r: ID!, $v: Int!) { publishRelease(referential: $r, expectedVersion: $v) { number } }`;

/** Stewards' edits are held to the import's rules (one validator): what is published can always be imported back. */
describe("steward edits go through the import's validation", () => {
  const t = useTestServer('empty');
  const admin = () => t.as([Role.ADMIN]);
  const draftOf = async (r: string) =>
    (await gqlOk(admin(), `query($r: ID!) { referential(code: $r) { draft { number version } } }`, { r })).referential.draft as {
      number: number;
      version: number;
    };
  const entries = async () => Number((await t.db.orm.em.fork().execute(`select count(*) as n from referential_entry`))[0].n);

  beforeAll(async () => {
    await aReferential(admin(), 'FLAT'); // no declared levels
    await publishRelease(admin(), 'FLAT', [{ code: 'A' }, { code: 'B', parentCode: 'A' }]);
    await gqlOk(admin(), `mutation { createDraft(referential: "FLAT") { number } }`);
  });

  it.each([
    ['a parent cycle (A under B under A)', { code: 'A', label: 'A', parentCode: 'B' }, 'input.level', /cycle|does not follow/],
    ['a negative level in a list without declared levels', { code: 'C', label: 'C', level: -5 }, 'input.level', /level -5 is not between 1 and/],
    ['a level no hierarchy reaches', { code: 'C', label: 'C', level: 51 }, 'input.level', /not between 1 and 50/],
    ['its own parent', { code: 'C', label: 'C', parentCode: 'C' }, 'input.parentCode', /its own parent|not in the draft/],
    ['a NUL in a label', { code: 'C', label: 'C\u0000D' }, 'input.label', /NUL/],
    ['a NUL in a parent code', { code: 'C', label: 'C', parentCode: 'A\u0000' }, 'input.parentCode', /NUL/],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, input, field, message) => {
    const before = { draft: await draftOf('FLAT'), entries: await entries() };
    const { status, errors } = await gql(admin(), UPSERT, { r: 'FLAT', v: before.draft.version, input });
    expect(status).toBeLessThan(500);
    expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field } });
    expect({ draft: await draftOf('FLAT'), entries: await entries() }).toEqual(before);
  });

  it('refuses to publish a draft whose entries break the rules (written before the rules, or behind the API)', async () => {
    const draft = await draftOf('FLAT');
    await t.db.orm.em
      .fork()
      .execute(
        `insert into referential_entry (referential_code, recorded_in, code, label, level, attributes, search_text) values ('FLAT', ?, 'Z', 'Z', -5, '{}', 'z')`,
        [draft.number],
      );
    const { errors } = await gql(admin(), PUBLISH, { r: 'FLAT', v: draft.version });
    expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(/entry Z .*level -5/), extensions: { code: 'BAD_USER_INPUT' } });
    expect((await draftOf('FLAT')).number).toBe(draft.number); // still a draft
    await t.db.orm.em.fork().execute(`delete from referential_entry where referential_code = 'FLAT' and code = 'Z'`);
  });

  it('publishes valid edits, whose export re-imports as "no change"', async () => {
    let { version } = await draftOf('FLAT');
    await gqlOk(admin(), UPSERT, { r: 'FLAT', v: version++, input: { code: 'C', label: '  Trois   espaces ', parentCode: 'B' } });
    await gqlOk(admin(), UPSERT, { r: 'FLAT', v: version++, input: { code: 'D', label: 'D', validFrom: '2026-01-01', validTo: '2027-01-01' } });
    await gqlOk(admin(), PUBLISH, { r: 'FLAT', v: version });
    for (const format of ['csv', 'json']) {
      const exported = Buffer.from(await (await fetch(`${t.server.url}/exports/FLAT?format=${format}`)).arrayBuffer());
      const response = await fetch(`${t.server.url}/imports/FLAT?format=${format}&publish=true&filename=flat.${format}`, {
        method: 'POST',
        headers: { authorization: await bearer([Role.STEWARD], ['FLAT']) },
        body: exported,
      });
      expect({ format, ...((await response.json()) as object) }).toMatchObject({ format, outcome: 'NO_CHANGE', issueCount: 0 });
    }
  });
});
