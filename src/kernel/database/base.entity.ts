import { Property, type Opt } from '@mikro-orm/core';

/** Audit columns every stored row carries; primary keys stay per entity (codes are natural keys in this domain). */
export abstract class BaseEntity {
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
