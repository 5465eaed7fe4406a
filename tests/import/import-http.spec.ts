import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importReferential } from '../../src/subgraphs/referentials/import/import-referential';
import { loadConfig } from '../../src/kernel/config';
import { Referential } from '../../src/subgraphs/referentials/referential/referential.entity';
import { bearer, Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { createTestDatabase } from '../support/test-database';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

/** The HTTP side of imports: an authenticated streamed upload, the import jobs query, and streamed exports. */
describe('imports and exports over HTTP', () => {
  const t = useTestServer('demo');

  // A steward of the referential uploaded to, unless the test says otherwise.
  const upload = async (referential: string, body: Buffer | string, query = '', authorization?: string) =>
    fetch(`${t.server.url}/imports/${referential}${query}`, {
      method: 'POST',
      headers: { authorization: authorization ?? (await bearer([Role.STEWARD], [referential])), 'content-type': 'text/csv' },
      body,
    });

  it('refuses an upload without valid credentials, or by the steward of another referential, and writes nothing', async () => {
    expect((await upload('NATINF', 'x', '', 'Bearer wrong-token')).status).toBe(401);
    expect((await upload('NATINF', 'x', '', '')).status).toBe(401);
    expect((await upload('NATINF', 'x', '', await bearer([Role.STEWARD], ['NAC']))).status).toBe(403);
    expect((await upload('NATINF', 'x', '', await bearer([Role.ARCHITECT, Role.READER]))).status).toBe(403);
    expect((await gql(t.as([Role.ADMIN]), '{ importJobs { id } }')).data.importJobs).toEqual([]);
  });

  it('exports NATINF in the official layout and re-imports the upload as "no change", recorded as a job', async () => {
    const exported = await fetch(`${t.server.url}/exports/NATINF`);
    expect(exported.headers.get('content-type')).toMatch(/iso-8859-1/);
    const bytes = Buffer.from(await exported.arrayBuffer());
    const original = await readFile(join(loadConfig().dataDir, 'natinf-sample.csv'));
    expect(bytes.toString('latin1').split('\r\n')[0]).toBe(original.toString('latin1').split('\r\n')[0]);
    const response = await upload('NATINF', bytes, '?filename=natinf.csv');
    const report = (await response.json()) as Untyped;
    expect(response.status).toBe(200);
    expect(report).toMatchObject({ outcome: 'NO_CHANGE', issueCount: 0 });
    const { data } = await gql(
      t.as([Role.STEWARD], ['NATINF']),
      `{ importJobs(referential: "NATINF") { id file status rowsRead errorCount releaseNumber timings } }`,
    );
    expect(data.importJobs[0]).toMatchObject({ id: String(report.job), file: 'natinf.csv', status: 'NO_CHANGE', errorCount: 0, releaseNumber: null });
    // A "no change" stops after the diff: the phases it ran, as the report gave them.
    expect(Object.keys(data.importJobs[0].timings).sort()).toEqual(['checks', 'diff', 'read']);
    expect(data.importJobs[0].timings).toEqual(report.timings);
  });

  it('answers 422 with the located problems of a bad file, and records the refusal', async () => {
    const response = await upload('NAC', 'code;niveau;parent;libelle\n1;1;;Droit des personnes\n1X;2;9;Orpheline\n', '?filename=nac-bad.csv');
    expect(response.status).toBe(422);
    const report = (await response.json()) as Untyped;
    expect(report.issues).toEqual([{ file: 'nac-bad.csv', line: 3, column: 'parent', reason: 'parent "9" is not in the file' }]);
    const { data } = await gql(t.as([Role.STEWARD], ['NAC']), `{ importJobs(referential: "NAC") { status errors } }`);
    expect(data.importJobs[0]).toEqual({ status: 'REFUSED', errors: ['nac-bad.csv:3 [parent]: parent "9" is not in the file'] });
  });

  it('exports JSON as of a day', async () => {
    const response = await fetch(`${t.server.url}/exports/NAC?format=json&at=2026-01-01`);
    const entries = (await response.json()) as { code: string; level: number }[];
    expect(entries.length).toBeGreaterThan(1000);
    expect(entries.find((e) => e.code === '20E')).toMatchObject({ level: 3 });
    expect((await fetch(`${t.server.url}/exports/NOPE`)).status).toBe(404);
  });
});

describe('importing the shared files over the demo data', () => {
  it('finds nothing to change: demo data and imports store the same thing', async () => {
    const db = await createTestDatabase('demo');
    try {
      const em = db.orm.em.fork();
      for (const [code, file] of [
        ['NATINF', 'natinf-sample.csv'],
        ['NAC', 'nac.csv'],
      ]) {
        const referential = await em.findOneOrFail(Referential, code);
        const report = await importReferential(db.url, referential, join(loadConfig().dataDir, file), { publish: true });
        expect({ code, outcome: report.outcome, issues: report.issueCount }).toEqual({ code, outcome: 'NO_CHANGE', issues: 0 });
      }
    } finally {
      await db.drop();
    }
  });
});
