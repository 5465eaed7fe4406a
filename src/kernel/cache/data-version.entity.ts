import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How many committed changes each domain (a subgraph's tables, or one referential's releases) has seen. Bumped by
 * triggers in the writing transaction, so a reader sees the new version exactly when it sees the new data.
 */
@Entity()
export class DataVersion {
  @PrimaryKey({ type: 'string', length: 64 })
  domain!: string;

  @Property({ type: 'bigint' })
  version!: string;
}
