import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';

@ObjectType('WebhookSubscription', { description: "An application's endpoint receiving change events, signed with its secret." })
@Entity({ tableName: 'webhook_subscription' })
export class WebhookSubscription {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field()
  @Property({ type: 'text' })
  url!: string;

  /** The HMAC key; shown once, on registration. */
  @Property({ type: 'string', length: 128, hidden: true })
  secret!: string;

  @Field(() => [String], { description: 'Domains listened to (referential codes, organisation, catalog, exchanges); empty: all.' })
  @Property({ type: 'text[]', default: '{}' })
  domains: Opt<string[]> = [];

  @Field(() => [ChangeType], { description: 'Kinds of change listened to; empty: all.' })
  @Property({ type: 'text[]', default: '{}' })
  types: Opt<ChangeType[]> = [];

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Field()
  @Property({ type: 'string', length: 255 })
  createdBy!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
