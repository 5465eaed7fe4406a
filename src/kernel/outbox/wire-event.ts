/** An outbox row as read with plain SQL (the relay and the dispatcher use pg, not the ORM). */
export interface ChangeEventRow {
  id: string;
  occurred_at: Date;
  type: string;
  domain: string;
  entity_type: string;
  entity_key: string;
  release_number: number | null;
  payload: Record<string, unknown>;
  idempotency_key: string;
}

export const CHANGE_EVENT_COLUMNS = 'id, occurred_at, type, domain, entity_type, entity_key, release_number, payload, idempotency_key';

/** The one shape of an event on every channel: `changes` (GraphQL), NATS messages and webhook bodies. */
export const toWireEvent = (row: ChangeEventRow) => ({
  cursor: String(row.id),
  idempotencyKey: row.idempotency_key,
  occurredAt: new Date(row.occurred_at).toISOString(),
  type: row.type,
  domain: row.domain,
  entityType: row.entity_type,
  entityKey: row.entity_key,
  releaseNumber: row.release_number,
  payload: row.payload,
});

export type WireEvent = ReturnType<typeof toWireEvent>;
