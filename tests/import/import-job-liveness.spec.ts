import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { recordRunningJob } from '../../src/subgraphs/referentials/import/import-job-liveness';
import { loadConfig } from '../../src/kernel/config';
import { startOneProcessServer } from '../../src/platform/servers';
import { bearer, Role, testSecurity } from '../support/auth';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

/** A job whose import died (kill -9, lost connection) is marked FAILED (ABANDONED) at the next import or start; a live one never. */
describe('import jobs left RUNNING by a dead import', () => {
  const t = useTestServer('demo');
  const open: Client[] = [];
  afterAll(() => Promise.all(open.map((c) => c.end().catch(() => undefined))));

  /** A job as an import records it, on its own connection; `die` ends that session the way a killed process does. */
  const aJob = async (referentialCode: string) => {
    const holder = new Client({ connectionString: t.db.url });
    holder.on('error', () => undefined); // the session is killed under it on purpose
    await holder.connect();
    open.push(holder);
    const id = await recordRunningJob(holder, { referentialCode, file: 'natinf.csv', actor: 'steward' });
    const {
      rows: [{ pid }],
    } = await holder.query<{ pid: number }>('select pg_backend_pid() as pid');
    return { id, die: () => t.db.orm.em.fork().execute('select pg_terminate_backend(?)', [pid]) };
  };
  const statusOf = async (id: number) =>
    (
      await t.db.orm.em
        .fork()
        .execute<{ status: string; failure: string | null; finished: boolean }[]>(
          `select status, failure, finished_at is not null as finished from import_job where id = ?`,
          [id],
        )
    )[0];

  it('marks the dead jobs of a referential FAILED (ABANDONED) at its next import, and leaves a live one RUNNING', async () => {
    const dead = await aJob('NAC');
    const alive = await aJob('NAC');
    const otherList = await aJob('NATINF');
    // A job recorded before this guard existed: no lock, so no import behind it either.
    const [{ id: legacy }] = await t.db.orm.em
      .fork()
      .execute<{ id: number }[]>(`insert into import_job (referential_code, file, status, actor) values ('NAC', 'old.csv', 'RUNNING', 'x') returning id`);
    await dead.die();
    await otherList.die();
    const nac = await readFile(join(loadConfig().dataDir, 'nac.csv'));
    const response = await fetch(`${t.server.url}/imports/NAC?dryRun=true&filename=nac.csv`, {
      method: 'POST',
      headers: { authorization: await bearer([Role.STEWARD], ['NAC']) },
      body: nac,
    });
    expect(response.status).toBe(200);
    for (const id of [dead.id, legacy])
      expect(await statusOf(id)).toEqual({ status: 'FAILED', failure: expect.stringMatching(/^ABANDONED: /), finished: true });
    expect(await statusOf(alive.id)).toEqual({ status: 'RUNNING', failure: null, finished: false });
    // Another referential's dead job waits for its own next import, or the next start.
    expect((await statusOf(otherList.id)).status).toBe('RUNNING');
    const { data } = await gql(t.as([Role.ADMIN]), `query($id: ID!) { importJob(id: $id) { status failure } }`, { id: String(dead.id) });
    expect(data.importJob).toEqual({ status: 'FAILED', failure: expect.stringMatching(/^ABANDONED/) });
  });

  it('marks every dead job FAILED (ABANDONED) when a server starts', async () => {
    const dead = await aJob('NATINF');
    const alive = await aJob('NATINF');
    await dead.die();
    const restarted = await startOneProcessServer(t.db.orm, { host: '127.0.0.1', port: 0 }, await testSecurity());
    try {
      for (let tries = 0; (await statusOf(dead.id)).status === 'RUNNING' && tries < 50; tries++) await new Promise((r) => setTimeout(r, 100));
      expect(await statusOf(dead.id)).toMatchObject({ status: 'FAILED', failure: expect.stringMatching(/^ABANDONED: /) });
      expect((await statusOf(alive.id)).status).toBe('RUNNING');
    } finally {
      await restarted.stop();
    }
  });
});
