import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../src/kernel/config';
import { bearer, Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';
import { withoutApproval } from '../builders/approval.builder';

const NATINF_FILE = join(loadConfig().dataDir, 'natinf-sample.csv');
const BOM = '\uFEFF';

/** Uploads that once wrote a release ending every entry, or answered 500: refused (4xx, located), nothing written. */
describe('imports: empty, truncated and unstorable files are refused over HTTP', () => {
  const t = useTestServer('demo', withoutApproval('NATINF', 'NAC'));

  const upload = async (referential: string, body: Buffer | string, query = '') =>
    fetch(`${t.server.url}/imports/${referential}${query}`, { method: 'POST', headers: { authorization: await bearer([Role.STEWARD], [referential]) }, body });
  /** Every stored version, release and mapping of the referentials: a refusal leaves them all as they were. */
  const snapshot = async () =>
    (
      await t.db.orm.em.fork().execute(
        `select (select count(*) from referential_entry) as entries, (select count(*) from referential_release) as releases,
      (select count(*) from change_event) as events, (select count(*) from legal_reference) as legal`,
      )
    )[0];
  const refused = async (referential: string, body: Buffer | string, query: string) => {
    const before = await snapshot();
    const response = await upload(referential, body, query);
    const report = (await response.json()) as { outcome: string; issues: { file: string; line: number; column?: string; reason: string }[] };
    expect({ status: response.status, outcome: report.outcome }).toEqual({ status: 422, outcome: 'REFUSED' });
    expect(await snapshot()).toEqual(before);
    return report.issues;
  };

  it.each([
    ['a 0-byte body', ''],
    ['a BOM alone', BOM],
    ['a newline', '\n'],
    ['CRLF alone', '\r\n'],
    ['the header alone', "Numéro NATINF;Nature de l'infraction;Qualification de l'infraction;Définie par;Réprimée par\r\n"],
  ])('refuses %s with publish=true (and skipInvalid): no data row, nothing end-dated', async (_name, body) => {
    for (const query of ['?publish=true&filename=empty.csv', '?publish=true&skipInvalid=true&filename=empty.csv']) {
      const issues = await refused('NATINF', Buffer.from(body, 'latin1'), query);
      expect(issues.length).toBeGreaterThan(0);
      expect(issues[0]).toMatchObject({ file: 'empty.csv', line: 1 });
    }
    await expectStillServing(t.server);
  });

  it.each([
    ['"["', '[', /ends before its array is closed/],
    ['"[ ]"', '[ ]', /no data row/],
    ['a BOM alone', BOM, /empty/],
    ['an array cut after an element', '[\n{"code":"7","label":"RETRAIT","attributes":{"nature":"Délit"}},\n', /ends before its array is closed/],
    ['an array cut inside a string', '[\n{"code":"7","label":"RETRAIT","attributes":{"nature":"Délit"}},\n{"code":"23","label":"VIOL', /not a JSON array/],
  ])('refuses the JSON %s with its position, even with skipInvalid', async (_name, body, reason) => {
    for (const query of ['?publish=true&format=json&filename=cut.json', '?publish=true&format=json&skipInvalid=true&filename=cut.json']) {
      const issues = await refused('NATINF', body, query);
      expect(issues).toContainEqual(expect.objectContaining({ file: 'cut.json', line: expect.any(Number), reason: expect.stringMatching(reason) }));
    }
  });

  it('names the file, line and column of a NUL byte or a year 0 date (422, never 500), and records the refusal', async () => {
    const lines = (await readFile(NATINF_FILE, 'latin1')).split('\r\n').filter(Boolean);
    lines[3] = lines[3].replace(';', ';\0'); // line 4: the nature starts with a NUL
    const issues = await refused('NATINF', Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'), '?publish=true&filename=natinf-nul.csv');
    expect(issues).toEqual([
      expect.objectContaining({ file: 'natinf-nul.csv', line: 4, column: "Nature de l'infraction", reason: expect.stringMatching(/NUL/) }),
    ]);

    const json =
      '[\n{"code":"7","label":"A","attributes":{"nature":"Délit"},"validFrom":"0000-01-01"},\n{"code":"8\\u0000","label":"B","attributes":{"nature":"Délit"}}\n]';
    const jsonIssues = await refused('NATINF', json, '?publish=true&format=json&filename=natinf.json');
    expect(jsonIssues).toEqual([
      expect.objectContaining({ file: 'natinf.json', line: 2, column: 'validFrom', reason: expect.stringMatching(/0000-01-01.*not a date/) }),
      expect.objectContaining({ file: 'natinf.json', line: 3, column: 'code', reason: expect.stringMatching(/NUL/) }),
    ]);
    const { data } = await gql(t.as([Role.ADMIN]), `{ importJobs(referential: "NATINF") { status file errors } }`);
    expect(data.importJobs[0]).toMatchObject({ status: 'REFUSED', file: 'natinf.json' });
    await expectStillServing(t.server);
  });

  it('refuses a year 0 in the generic layout and a NUL in a header, naming the column', async () => {
    const nac = 'code;niveau;parent;libelle\n1;1;;Droit des personnes\n';
    expect((await refused('NAC', nac.replace('libelle', 'lib\0elle'), '?publish=true&filename=nac.csv'))[0]).toMatchObject({ line: 1, column: 'libelle' });
    expect(
      (await refused('NAC', `code;label;parent_code;level;valid_from\n1;Droit;;1;0000-12-31\n`, '?format=csv&publish=true&filename=nac.csv'))[0],
    ).toMatchObject({ file: 'nac.csv', line: 2, column: 'valid_from' });
    await expectStillServing(t.server);
  });
});
