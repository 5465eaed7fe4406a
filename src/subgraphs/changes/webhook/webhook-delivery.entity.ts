import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeEvent } from '../change-event/change-event.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'DEAD: every try failed; an ADMIN may replay it.' });

/** One event to one endpoint: retried with exponential backoff until delivered, or DEAD after the last try. */
@ObjectType('WebhookDelivery')
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['subscription', 'event'] })
// The dispatcher's work list: due pending deliveries, oldest event first.
@Index({ properties: ['status', 'nextAttemptAt'] })
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => WebhookSubscription)
  @ManyToOne(() => WebhookSubscription, { ref: true, deleteRule: 'cascade' })
  subscription!: Ref<WebhookSubscription>;

  @Field(() => ChangeEvent)
  @ManyToOne(() => ChangeEvent, { ref: true, deleteRule: 'cascade' })
  event!: Ref<ChangeEvent>;

  @Field(() => DeliveryStatus)
  @Enum({ items: () => DeliveryStatus, default: DeliveryStatus.PENDING })
  status: Opt<DeliveryStatus> = DeliveryStatus.PENDING;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt: Opt<Date> = new Date();

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;
}
