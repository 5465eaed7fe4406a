import { Migration } from '@mikro-orm/migrations';

/**
 * Observed usage: which client (an API key's application, a person, anonymous callers) read which schema coordinate
 * and which referential release, counted per hour (kept 30 days) and rolled up per day (kept two years).
 */
export class Migration20261128140000_observed_usage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "api_key" add column "application" varchar(64) null;`);
    for (const grain of ['hourly', 'daily']) {
      const at = grain === 'hourly' ? `"hour" timestamptz not null` : `"day" date not null`;
      const key = grain === 'hourly' ? '"hour"' : '"day"';
      this.addSql(`create table "usage_field_${grain}" (${at}, "client" varchar(255) not null, "application" varchar(64) null, "operation_name" varchar(255) not null, "operation_hash" varchar(64) not null, "coordinate" varchar(255) not null, "requests" bigint not null, "first_seen" timestamptz not null, "last_seen" timestamptz not null, primary key ("client", "operation_hash", "operation_name", "coordinate", ${key}));`);
      this.addSql(`create index "usage_field_${grain}_coordinate_index" on "usage_field_${grain}" ("coordinate", ${key});`);
      this.addSql(`create table "usage_referential_${grain}" (${at}, "client" varchar(255) not null, "application" varchar(64) null, "referential" varchar(64) not null, "release" integer not null, "requests" bigint not null, "first_seen" timestamptz not null, "last_seen" timestamptz not null, primary key ("client", "referential", "release", ${key}));`);
      this.addSql(`create index "usage_referential_${grain}_referential_index" on "usage_referential_${grain}" ("referential", ${key});`);
    }
    // One place to read both grains: each hour's counts live in exactly one of the two tables.
    this.addSql(`create view "usage_field" as select "hour" as "at", "client", "application", "operation_name", "operation_hash", "coordinate", "requests", "first_seen", "last_seen" from "usage_field_hourly" union all select "day"::timestamptz, "client", "application", "operation_name", "operation_hash", "coordinate", "requests", "first_seen", "last_seen" from "usage_field_daily";`);
    this.addSql(`create view "usage_referential" as select "hour" as "at", "client", "application", "referential", "release", "requests", "first_seen", "last_seen" from "usage_referential_hourly" union all select "day"::timestamptz, "client", "application", "referential", "release", "requests", "first_seen", "last_seen" from "usage_referential_daily";`);
  }

  override async down(): Promise<void> {
    this.addSql('drop view if exists "usage_referential";');
    this.addSql('drop view if exists "usage_field";');
    for (const grain of ['hourly', 'daily']) {
      this.addSql(`drop table if exists "usage_referential_${grain}";`);
      this.addSql(`drop table if exists "usage_field_${grain}";`);
    }
    this.addSql('alter table "api_key" drop column "application";');
  }
}
