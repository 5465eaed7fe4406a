import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeType } from './change-type.enum';

/** The domains that are not referentials: their events go to `rj.changes.<domain>`. */
export const CHANGE_DOMAINS = { organisation: 'organisation', catalog: 'catalog', exchanges: 'exchanges' } as const;

/** One change, as a service describes it; the outbox adds the cursor, the time and the idempotency key. */
export interface ChangeInput {
  type: ChangeType;
  /** A referential's code (`NATINF`), or one of CHANGE_DOMAINS. */
  domain: string;
  entityType: string;
  entityKey: string;
  releaseNumber?: number | null;
  /** The entity's published state: enough for a consumer to apply the change without calling back. */
  payload: Record<string, unknown>;
}

/**
 * Writes change events into the outbox through `em`, which must be the entity manager of the change's own
 * transaction (inside `em.transactional`): the events commit or roll back with the change. One statement for all.
 */
export async function recordChanges(em: EntityManager, changes: readonly ChangeInput[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) => ({
    type: c.type,
    domain: c.domain,
    entity_type: c.entityType,
    entity_key: c.entityKey,
    release_number: c.releaseNumber ?? null,
    payload: c.payload,
  }));
  await em.execute(
    `insert into change_event (type, domain, entity_type, entity_key, release_number, payload)
     select type, domain, entity_type, entity_key, release_number, payload
     from rows from (jsonb_to_recordset(?::jsonb) as (type text, domain text, entity_type text, entity_key text, release_number int, payload jsonb))
       with ordinality as r(type, domain, entity_type, entity_key, release_number, payload, n)
     order by n`,
    [JSON.stringify(rows)],
  );
}
