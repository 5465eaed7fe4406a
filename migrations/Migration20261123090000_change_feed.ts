import { Migration } from '@mikro-orm/migrations';

/**
 * The change feed: the outbox (`change_event`, whose id is the cursor), the readers' cursors (NATS relay, webhook
 * fan-out), webhook subscriptions and deliveries. A statement-level trigger NOTIFYs `change_event` once per insert
 * statement (an import of a million entries notifies once), so readers wake at once instead of polling.
 * Another one serialises the writers (see below).
 */
export class Migration20261123090000_change_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "change_cursor" ("name" varchar(64) not null, "last_id" bigint not null default 0, "updated_at" timestamptz not null default now(), constraint "change_cursor_pkey" primary key ("name"));`);
    this.addSql(`create table "change_event" ("id" bigserial primary key, "occurred_at" timestamptz not null default now(), "type" text check ("type" in ('ADDED', 'CHANGED', 'ENDED', 'REMOVED')) not null, "domain" varchar(32) not null, "entity_type" varchar(32) not null, "entity_key" varchar(255) not null, "release_number" int null, "payload" jsonb not null, "idempotency_key" uuid not null default gen_random_uuid());`);
    this.addSql(`alter table "change_event" add constraint "change_event_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "change_event_domain_id_index" on "change_event" ("domain", "id");`);
    this.addSql(`create table "webhook_subscription" ("id" serial primary key, "url" text not null, "secret" varchar(128) not null, "domains" text[] not null default '{}', "types" text[] not null default '{}', "active" boolean not null default true, "created_by" varchar(255) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create table "webhook_delivery" ("id" bigserial primary key, "subscription_id" int not null, "event_id" bigint not null, "status" text check ("status" in ('PENDING', 'DELIVERED', 'DEAD')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_error" text null, "delivered_at" timestamptz null);`);
    this.addSql(`create index "webhook_delivery_status_next_attempt_at_index" on "webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_event_id_unique" unique ("subscription_id", "event_id");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_foreign" foreign key ("subscription_id") references "webhook_subscription" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "change_event" ("id") on update cascade on delete cascade;`);
    // Writers of the outbox take turns until they commit, so ids become visible in id order: a reader reading
    // "after my cursor" can never pass over an event of a transaction that commits later with a smaller id.
    this.addSql(`create function "change_event_serialize"() returns trigger language plpgsql as $$ begin perform pg_advisory_xact_lock(hashtext('change_event_order')); return null; end $$;`);
    this.addSql(`create trigger "change_event_serialize" before insert on "change_event" for each statement execute function "change_event_serialize"();`);
    this.addSql(`create function "change_event_notify"() returns trigger language plpgsql as $$ begin perform pg_notify('change_event', ''); return null; end $$;`);
    this.addSql(`create trigger "change_event_notify" after insert on "change_event" for each statement execute function "change_event_notify"();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "webhook_delivery";');
    this.addSql('drop table if exists "webhook_subscription";');
    this.addSql('drop table if exists "change_event";');
    this.addSql('drop function if exists "change_event_notify"();');
    this.addSql('drop function if exists "change_event_serialize"();');
    this.addSql('drop table if exists "change_cursor";');
  }
}
