import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { dedicatedConnection } from '../../src/kernel/database/dedicated-connection';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The child: takes a referential's import lock the way an import does, then sits in a long statement. */
const CHILD = `
const { Client } = require('pg');
const client = new Client(JSON.parse(process.env.CONNECTION));
(async () => {
  await client.connect();
  await client.query('begin');
  await client.query("select pg_advisory_xact_lock(hashtext('referential-import:' || $1))", ['NATINF']);
  process.stdout.write('locked\\n');
  await client.query('select pg_sleep(60)');
})();
`;

async function lockIsFree(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ free: boolean }>(`select pg_try_advisory_lock(hashtext('referential-import:' || $1)) as free`, ['NATINF']);
    return rows[0].free;
  } finally {
    await client.end();
  }
}

/** An import killed with kill -9 mid-statement: its backend must not keep the referential locked until the statement ends. */
describe('an import connection whose process dies', () => {
  let db: TestDatabase;
  beforeAll(async () => void (db = await createTestDatabase('empty')));
  afterAll(async () => db.drop());

  it('releases the import lock within seconds of kill -9', async () => {
    const child = spawn(process.execPath, ['-e', CHILD], {
      cwd: process.cwd(),
      env: { ...process.env, CONNECTION: JSON.stringify(dedicatedConnection(db.url, 'import NATINF')) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(await lockIsFree(db.url)).toBe(false);
    child.kill('SIGKILL');
    const killedAt = Date.now();
    let free = false;
    while (!free && Date.now() - killedAt < 20_000) {
      free = await lockIsFree(db.url);
      if (!free) await new Promise((r) => setTimeout(r, 200));
    }
    expect(free).toBe(true);
    // The statement had 60 s to go: only the dead-client check releases the lock this early.
    expect(Date.now() - killedAt).toBeLessThan(5_000);
  });
});
