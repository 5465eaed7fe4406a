import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../src/kernel/config';
import { aReferential, gqlOk, publishRelease } from '../builders/referential-release.builder';
import { bearer, Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';
import { withoutApproval } from '../builders/approval.builder';
import type { Untyped } from '../support/untyped';

const NATINF_FILE = join(loadConfig().dataDir, 'natinf-sample.csv');

/** An import or publish ending more than MASS_REMOVAL_THRESHOLD % (20 by default) of a list needs a confirmation. */
describe('the mass-removal guard', () => {
  const t = useTestServer('demo', withoutApproval('NATINF', 'NAC'));

  const upload = async (body: Buffer, query: string) =>
    fetch(`${t.server.url}/imports/NATINF${query}`, { method: 'POST', headers: { authorization: await bearer([Role.STEWARD], ['NATINF']) }, body });
  const stored = async () =>
    (
      await t.db.orm.em
        .fork()
        .execute(
          `select (select count(*) from referential_entry where referential_code = 'NATINF') as entries, (select count(*) from referential_release where referential_code = 'NATINF') as releases`,
        )
    )[0];
  /** The official file without its first `n` offences. */
  const natinfWithout = async (n: number) => {
    const lines = (await readFile(NATINF_FILE, 'latin1')).split('\r\n').filter(Boolean);
    return { body: Buffer.from(`${[lines[0], ...lines.slice(1 + n)].join('\r\n')}\r\n`, 'latin1'), total: lines.length - 1 };
  };
  afterEach(() => {
    delete process.env.MASS_REMOVAL_THRESHOLD;
  });

  it('refuses an HTTP import ending 5 of 19 offences, saying how many of how many, and writes nothing; allowMassRemoval=true confirms', async () => {
    const { body, total } = await natinfWithout(5);
    const before = await stored();
    for (const query of ['?publish=true&filename=t3.csv', '?dryRun=true&filename=t3.csv']) {
      const response = await upload(body, query);
      const report = (await response.json()) as Untyped;
      expect(response.status).toBe(422);
      expect(report).toMatchObject({
        outcome: 'REFUSED',
        refusal: { reason: 'MASS_REMOVAL', message: expect.stringContaining(`end-date 5 of the ${total} entries of NATINF`) },
        diff: { removed: 5 },
      });
      expect(report.refusal.message).toContain('allowMassRemoval=true');
      expect(await stored()).toEqual(before);
    }
    const { data } = await gql(t.as([Role.ADMIN]), `{ importJobs(referential: "NATINF") { status failure } }`);
    expect(data.importJobs[0]).toEqual({ status: 'REFUSED', failure: expect.stringContaining(`5 of the ${total}`) });

    const confirmed = await upload(body, '?publish=true&allowMassRemoval=true&filename=t3.csv');
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ outcome: 'WRITTEN', diff: { removed: 5 } });
  });

  it('reads its threshold from MASS_REMOVAL_THRESHOLD (a percentage)', async () => {
    // 14 offences are in force now; ending 2 of them is 14 %: refused at 10 %, allowed at the default 20 %.
    const { body } = await natinfWithout(5 + 2);
    process.env.MASS_REMOVAL_THRESHOLD = '10';
    const refused = await upload(body, '?dryRun=true&filename=t4.csv');
    expect(await refused.json()).toMatchObject({ outcome: 'REFUSED', refusal: { message: expect.stringContaining('end-date 2 of the 14 entries') } });
    delete process.env.MASS_REMOVAL_THRESHOLD;
    expect(await (await upload(body, '?dryRun=true&filename=t4.csv')).json()).toMatchObject({ outcome: 'DRY_RUN', diff: { removed: 2 } });
  });

  it('refuses to publish a draft ending more than the share of a list (CONFLICT, MASS_REMOVAL) until confirmed', async () => {
    const admin = t.as([Role.ADMIN]);
    await aReferential(admin, 'MASS');
    await publishRelease(admin, 'MASS', [{ code: 'A' }, { code: 'B' }, { code: 'C' }, { code: 'D' }]);
    const { createDraft: draft } = await gqlOk(admin, `mutation { createDraft(referential: "MASS") { number version } }`);
    await gqlOk(admin, `mutation($v: Int!) { endDateEntry(referential: "MASS", expectedVersion: $v, code: "A", validTo: "2026-01-01") { code } }`, {
      v: draft.version,
    });
    const publish = `mutation($v: Int!, $m: Boolean) { publishRelease(referential: "MASS", expectedVersion: $v, allowMassRemoval: $m) { number status } }`;
    const refused = await gql(admin, publish, { v: draft.version + 1 });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('end-date 1 of the 4 entries of MASS'),
      extensions: { code: 'CONFLICT', reason: 'MASS_REMOVAL', field: 'allowMassRemoval' },
    });
    // Nothing published, the draft is intact (its version was not consumed by the refusal).
    expect((await gqlOk(admin, `{ referential(code: "MASS") { draft { number version } } }`)).referential.draft).toEqual({
      number: draft.number,
      version: draft.version + 1,
    });
    expect((await gqlOk(admin, publish, { v: draft.version + 1, m: true })).publishRelease).toEqual({ number: draft.number, status: 'PUBLISHED' });
  });
});
