import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { isRedactedField } from '../secrets/redacted-fields';

export interface AuditRecord {
  actor: string;
  actorKind: string;
  operation: string;
  target?: string | null;
  referentialCode?: string | null;
  arguments?: unknown;
  before?: unknown;
  after?: unknown;
}

const COLUMNS = 'actor, actor_kind, operation, target, referential_code, arguments, before, after';

/** JSON that never throws: dates as ISO strings, bigints as strings, cycles cut, secrets left out at any depth. */
export function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (key, v: unknown) => {
    if (key && isRedactedField(key)) return undefined;
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[cycle]';
      seen.add(v);
    }
    return v;
  });
}

const values = (r: AuditRecord): unknown[] => [
  r.actor.slice(0, 255),
  r.actorKind.slice(0, 16),
  r.operation.slice(0, 64),
  r.target?.slice(0, 255) ?? null,
  r.referentialCode?.slice(0, 32) ?? null,
  toJson(r.arguments),
  toJson(r.before),
  toJson(r.after),
];

/** Through the request's entity manager, so inside the transaction of the change it records. */
export async function recordAudit(em: EntityManager, record: AuditRecord): Promise<void> {
  await em.execute(`insert into audit_entry (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?)`, values(record));
}

/** The same, for the import pipeline's own pg transaction. */
export async function recordAuditWithClient(client: Client, record: AuditRecord): Promise<void> {
  await client.query(`insert into audit_entry (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8)`, values(record));
}
