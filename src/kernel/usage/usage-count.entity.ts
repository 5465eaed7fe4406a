import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * The observed-usage counters as stored (written in bulk by `usage-store.ts`, read in SQL by the usage queries):
 * mapped only so the schema tooling knows the tables. Hourly rows are kept 30 days, then rolled up per day.
 */
abstract class UsageCountColumns {
  @PrimaryKey({ type: 'string', length: 255 })
  client!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  application?: string | null;

  @Property({ type: 'bigint' })
  requests!: string;

  @Property({ type: 'timestamptz' })
  firstSeen!: Date;

  @Property({ type: 'timestamptz' })
  lastSeen!: Date;
}

abstract class FieldUsageColumns extends UsageCountColumns {
  @PrimaryKey({ type: 'string', length: 64 })
  operationHash!: string;

  @PrimaryKey({ type: 'string', length: 255 })
  operationName!: string;

  @PrimaryKey({ type: 'string', length: 255 })
  coordinate!: string;
}

abstract class ReferentialUsageColumns extends UsageCountColumns {
  @PrimaryKey({ type: 'string', length: 64 })
  referential!: string;

  /** 0 when the read named no release and none was published yet. */
  @PrimaryKey({ type: 'integer' })
  release!: number;
}

@Entity({ tableName: 'usage_field_hourly' })
@Index({ name: 'usage_field_hourly_coordinate_index', properties: ['coordinate', 'hour'] })
export class UsageFieldHourly extends FieldUsageColumns {
  [PrimaryKeyProp]?: ['hour', 'client', 'operationHash', 'operationName', 'coordinate'];

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;
}

@Entity({ tableName: 'usage_field_daily' })
@Index({ name: 'usage_field_daily_coordinate_index', properties: ['coordinate', 'day'] })
export class UsageFieldDaily extends FieldUsageColumns {
  [PrimaryKeyProp]?: ['day', 'client', 'operationHash', 'operationName', 'coordinate'];

  @PrimaryKey({ type: 'date' })
  day!: string;
}

@Entity({ tableName: 'usage_referential_hourly' })
@Index({ name: 'usage_referential_hourly_referential_index', properties: ['referential', 'hour'] })
export class UsageReferentialHourly extends ReferentialUsageColumns {
  [PrimaryKeyProp]?: ['hour', 'client', 'referential', 'release'];

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;
}

@Entity({ tableName: 'usage_referential_daily' })
@Index({ name: 'usage_referential_daily_referential_index', properties: ['referential', 'day'] })
export class UsageReferentialDaily extends ReferentialUsageColumns {
  [PrimaryKeyProp]?: ['day', 'client', 'referential', 'release'];

  @PrimaryKey({ type: 'date' })
  day!: string;
}

export const usageEntities = [UsageFieldHourly, UsageFieldDaily, UsageReferentialHourly, UsageReferentialDaily];
