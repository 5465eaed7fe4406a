import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext, UnitOfWork, type EntityManager } from '@mikro-orm/core';

/*
 * Node 20 follows every promise of the process through async hooks from the first AsyncLocalStorage#run() on, and
 * for the rest of the process's life. MikroORM's transaction and flush contexts, and the audit's change collector,
 * run on every write (a mutation, the release scheduler, a usage flush): after the first one, every read paid a third
 * to a half more CPU (server CPU per request at 50 clients: walk 4.4–4.7 ms against 3.0, court by code 0.58–0.70
 * against 0.43–0.54). These storages only matter while a write runs, so they are disabled when the last write in
 * progress ends: the hooks go off unless something else holds them (tracing's context manager does), and the next
 * write enables them again.
 */

/** The storages writes use: MikroORM's transaction context, its flush flag (private: learnt on the first flush), the audit's. */
const writeStorages = new Set<AsyncLocalStorage<unknown>>([(TransactionContext as unknown as { storage: AsyncLocalStorage<unknown> }).storage]);
let writesInProgress = 0;
let installed = false;

function leave(): void {
  if (--writesInProgress > 0 || !installed) return;
  for (const storage of writeStorages) storage.disable();
}

/** Runs a write, its storages enabled until it (a promise: once settled) and every other write in progress end. */
export function inWrite<T>(work: () => T): T {
  writesInProgress++;
  let result: T;
  try {
    result = work();
  } catch (error) {
    leave();
    throw error;
  }
  if (!(result instanceof Promise)) {
    leave();
    return result;
  }
  return result.finally(leave) as T;
}

/** A storage of this codebase that only writes run (e.g. the audit's change collector). */
export function useInWritesOnly<T>(storage: AsyncLocalStorage<T>): AsyncLocalStorage<T> {
  writeStorages.add(storage as AsyncLocalStorage<unknown>);
  return storage;
}

/** The storage the first `run()` during `work`'s synchronous start belongs to. */
function firstStorageRun<T>(work: () => T): { result: T; storage?: AsyncLocalStorage<unknown> } {
  const { run } = AsyncLocalStorage.prototype;
  const storages: AsyncLocalStorage<unknown>[] = [];
  AsyncLocalStorage.prototype.run = function (this: AsyncLocalStorage<unknown>, ...args: Parameters<typeof run>) {
    storages.push(this);
    return run.apply(this, args);
  } as typeof run;
  try {
    return { result: work(), storage: storages[0] };
  } finally {
    AsyncLocalStorage.prototype.run = run;
  }
}

/** Counts MikroORM's transactions and flushes as writes (once per process, before any write). */
export function disableWriteContextsWhenIdle(): void {
  // Only where storages ride on async hooks (Node 20's `_enable`): async context frames (Node 24) cost nothing idle.
  if (installed || typeof (AsyncLocalStorage.prototype as { _enable?: unknown })._enable !== 'function') return;
  installed = true;
  const create = TransactionContext.create.bind(TransactionContext);
  TransactionContext.create = <T>(em: EntityManager, next: (...args: unknown[]) => T): T => inWrite(() => create(em, next));
  const { commit } = UnitOfWork.prototype;
  let flushStorageKnown = false;
  UnitOfWork.prototype.commit = function (this: UnitOfWork): Promise<void> {
    return inWrite(() => {
      if (flushStorageKnown) return commit.call(this);
      // A flush that is not queued behind another starts in its storage: `insideFlush.run(true, doCommit)`.
      const { result, storage } = firstStorageRun(() => commit.call(this));
      if (storage) writeStorages.add(storage);
      flushStorageKnown = storage !== undefined;
      return result;
    });
  };
}
