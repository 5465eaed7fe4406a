import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Court } from '../../src/subgraphs/organisation/court/court.entity';
import { aCourt } from '../builders/court.builder';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** MikroORM's async contexts are on while a write runs and off once the last one ends (idle-write-contexts.ts). */
describe('write contexts between writes', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
  });
  afterAll(() => db?.drop());

  const fork = () => db.orm.em.fork() as EntityManager;
  const courtExists = async (code: string) => (await fork().count(Court, { code })) === 1;

  it('follows promises during a write, and no more once writes end', () => {
    const support = join(__dirname, '..', 'support');
    const output = execFileSync(process.execPath, ['--require', join(support, 'swc-require.js'), join(support, 'write-contexts-process.ts')], {
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(JSON.parse(output.trim().split('\n').pop()!)).toEqual({
      beforeAnyWrite: false,
      duringTransaction: true,
      afterTransaction: false,
      afterFlush: false,
      afterFailedTransaction: false,
    });
  });

  it("keeps a transaction's context when another write ends meanwhile", async () => {
    let firstEnded!: () => void;
    const ended = new Promise<void>((resolve) => (firstEnded = resolve));
    const first = fork()
      .transactional(async (tx) => {
        aCourt(tx, { code: 'KEEP01' });
      })
      .then(firstEnded);
    // The global manager finds the transaction it runs in through the context: nested there, its write rolls back with it.
    const second = db.orm.em.transactional(async () => {
      await ended;
      await db.orm.em.transactional(async (inner) => {
        aCourt(inner as EntityManager, { code: 'GONE01' });
      });
      throw new Error('rolled back');
    });
    await first;
    await expect(second).rejects.toThrow('rolled back');
    expect(await courtExists('KEEP01')).toBe(true);
    expect(await courtExists('GONE01')).toBe(false);
  });

  it('ends a write that fails all the same', async () => {
    await expect(
      fork().transactional(async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const em = fork();
    aCourt(em, { code: 'TWICE1' });
    await em.flush();
    const again = fork();
    aCourt(again, { code: 'TWICE1' });
    await expect(again.flush()).rejects.toThrow(/duplicate key/);
    // The next write still runs in its own context.
    await expect(
      db.orm.em.transactional(async () => {
        aCourt(db.orm.em.getContext() as EntityManager, { code: 'AFTER1' });
      }),
    ).resolves.toBeUndefined();
    expect(await courtExists('AFTER1')).toBe(true);
  });
});
