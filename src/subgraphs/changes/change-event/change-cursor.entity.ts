import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** How far a reader of the outbox (the NATS relay, the webhook fan-out) has gone; it resumes after `lastId`. */
@Entity({ tableName: 'change_cursor' })
export class ChangeCursor {
  @PrimaryKey({ type: 'string', length: 64 })
  name!: string;

  @Property({ type: 'bigint', default: 0 })
  lastId: Opt<string> = '0';

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Opt<Date> = new Date();
}
