import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS, recordChanges } from '../../../kernel/outbox/record-changes';
import type { Court } from '../court/court.entity';

/** A court's state as the change feed carries it: what a consumer's copy of the court needs. */
export const courtPayload = (court: Court, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  code: court.code,
  type: court.type,
  name: court.name,
  shortName: court.shortName,
  parentCode: court.parent?.unwrap().code ?? null,
  validFrom: court.validFrom ?? null,
  validTo: court.validTo ?? null,
  ...extra,
  link: { query: 'court', code: court.code },
});

/** Records court events in the lifecycle change's own transaction (`em` is the transactional one). */
export const recordCourtChanges = (em: EntityManager, changes: { type: ChangeType; court: Court; extra?: Record<string, unknown> }[]): Promise<void> =>
  recordChanges(
    em,
    changes.map(({ type, court, extra }) => ({
      type,
      domain: CHANGE_DOMAINS.organisation,
      entityType: 'Court',
      entityKey: court.code,
      payload: courtPayload(court, extra),
    })),
  );

export { ChangeType };
