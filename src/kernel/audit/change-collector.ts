import { AsyncLocalStorage } from 'node:async_hooks';
import { helper, type ChangeSet, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { inWrite, useInWritesOnly } from '../database/idle-write-contexts';

/** The ORM changes flushed while one audited mutation runs (its own forks and nested transactions included). */
const collector = useInWritesOnly(new AsyncLocalStorage<ChangeSet<object>[]>());

export const collectChanges = <T>(work: () => Promise<T>): { changes: ChangeSet<object>[]; run: () => Promise<T> } => {
  const changes: ChangeSet<object>[] = [];
  return { changes, run: () => inWrite(() => collector.run(changes, work)) };
};

/** Registered once on the ORM: records each flush's change sets for the mutation in progress, if any. */
export const changeCollectorSubscriber: EventSubscriber = {
  async onFlush(args: FlushEventArgs): Promise<void> {
    collector.getStore()?.push(...(args.uow.getChangeSets() as ChangeSet<object>[]));
  },
};

export interface RowChange {
  entity: string;
  id: unknown;
  type: string;
  fields: Record<string, unknown> | null;
}

/** Before: the changed fields as they were (the whole row for a delete); after: as they became (null for a delete). */
export function beforeAndAfter(changes: readonly ChangeSet<object>[]): { before: RowChange[]; after: RowChange[] } {
  const before: RowChange[] = [];
  const after: RowChange[] = [];
  for (const change of changes) {
    const id = safePrimaryKey(change);
    // Secrets are left out when the entry is written (record-audit.ts, the list in kernel/secrets).
    const payload = (change.payload ?? {}) as Record<string, unknown>;
    const original = (change.originalEntity ?? null) as Record<string, unknown> | null;
    const type = String(change.type);
    if (type === 'create') {
      after.push({ entity: change.name, id, type, fields: payload });
    } else if (type === 'delete') {
      before.push({ entity: change.name, id, type, fields: original });
    } else {
      const keys = Object.keys(payload);
      before.push({ entity: change.name, id, type, fields: original ? Object.fromEntries(keys.map((k) => [k, original[k] ?? null])) : null });
      after.push({ entity: change.name, id, type, fields: payload });
    }
  }
  return { before, after };
}

function safePrimaryKey(change: ChangeSet<object>): unknown {
  try {
    return helper(change.entity).getPrimaryKey() ?? change.getPrimaryKey();
  } catch {
    return null;
  }
}
