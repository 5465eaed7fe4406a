import { executionAsyncId } from 'node:async_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../src/kernel/database/mikro-orm.config';
import { ormModel } from '../../src/platform/orm-model';
import { aCourt } from '../builders/court.builder';

/** Whether Node follows promises through async hooks: without a hook, a continuation runs in no async resource (id 0). */
const promisesFollowed = async (): Promise<boolean> => {
  await null;
  return executionAsyncId() !== 0;
};

/**
 * A plain Node process (Jest's runner holds async hooks of its own) that writes through the ORM and prints whether
 * promises were followed before, during and after each write: idle-write-contexts.spec.ts reads the line.
 */
async function main(): Promise<void> {
  const orm = await MikroORM.init(createOrmConfig(process.env.DATABASE_URL!, ormModel));
  const seen: Record<string, boolean> = { beforeAnyWrite: await promisesFollowed() };
  await orm.em.fork().transactional(async (tx) => {
    aCourt(tx);
    await tx.flush();
    seen.duringTransaction = await promisesFollowed();
  });
  seen.afterTransaction = await promisesFollowed();
  const em = orm.em.fork();
  aCourt(em);
  await em.flush();
  seen.afterFlush = await promisesFollowed();
  await orm.em
    .fork()
    .transactional(async () => {
      throw new Error('refused');
    })
    .catch(() => undefined);
  seen.afterFailedTransaction = await promisesFollowed();
  await orm.close(true);
  process.stdout.write(`${JSON.stringify(seen)}\n`);
}

void main();
