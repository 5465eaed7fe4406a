import { Entity, Enum, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';

/**
 * The outbox: one row per published change, written in the change's own transaction (src/kernel/outbox). Its id is
 * the feed's cursor, so `changes(since:)`, the NATS relay and the webhook dispatcher all read it in one order.
 */
@ObjectType('ChangeEvent', { description: 'A published change of reference data, in feed order.' })
@Entity({ tableName: 'change_event' })
@Index({ properties: ['domain', 'id'] })
export class ChangeEvent {
  @Field(() => ID, { description: 'The cursor: pass it as `changes(since:)` to read what came after.', name: 'cursor' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Opt<Date> = new Date();

  @Field(() => ChangeType)
  @Enum({ items: () => ChangeType })
  type!: ChangeType;

  @Field({ description: 'The referential code (NATINF, NAC, …), or organisation, catalog, exchanges.' })
  @Property({ type: 'string', length: 32 })
  domain!: string;

  @Field({ description: 'Entry, EntryMapping, Court, Application, …' })
  @Property({ type: 'string', length: 32 })
  entityType!: string;

  @Field({ description: "The entity's key in its domain (an entry code, a court code, …)." })
  @Property({ type: 'string', length: 255 })
  entityKey!: string;

  @Field(() => Int, { nullable: true, description: 'The published release that carries the change (referentials only).' })
  @Property({ type: 'integer', nullable: true })
  releaseNumber?: number | null;

  @Field(() => GraphQLJSONObject, { description: "The entity's published state after the change (with a `link` to fetch more)." })
  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Field(() => String, { description: "Never changes across re-deliveries (the NATS Nats-Msg-Id, the webhooks' X-RJ-Idempotency-Key): deduplicate on it." })
  @Unique()
  @Property({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  idempotencyKey!: Opt<string>;
}
