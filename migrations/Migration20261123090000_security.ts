import { Migration } from '@mikro-orm/migrations';

/** API keys (hashed, revocable, expiring) and the append-only audit trail. */
export class Migration20261123090000_security extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "principal_role" as enum ('READER', 'STEWARD', 'ARCHITECT', 'ADMIN');`);
    this.addSql(`create table "api_key" ("id" serial primary key, "prefix" varchar(32) not null, "secret_hash" varchar(64) not null, "name" varchar(255) not null, "roles" "principal_role"[] not null, "steward_of" text[] not null default '{}', "allow_list_only" boolean not null default false, "created_at" timestamptz not null default now(), "created_by" varchar(255) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`create table "audit_entry" ("id" serial primary key, "occurred_at" timestamptz not null default now(), "actor" varchar(255) not null, "actor_kind" varchar(16) not null, "operation" varchar(64) not null, "target" varchar(255) null, "referential_code" varchar(32) null, "arguments" jsonb null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_entry_occurred_at_index" on "audit_entry" ("occurred_at");`);
    this.addSql(`create index "audit_entry_referential_code_id_index" on "audit_entry" ("referential_code", "id");`);
    // Append-only: no role of the application can rewrite history, whatever the code does.
    this.addSql(`create function "audit_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit_entry is append-only'; end $$;`);
    this.addSql(`create trigger "audit_entry_no_update_delete" before update or delete on "audit_entry" for each row execute function "audit_entry_append_only"();`);
    this.addSql(`create trigger "audit_entry_no_truncate" before truncate on "audit_entry" for each statement execute function "audit_entry_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "audit_entry";');
    this.addSql('drop function if exists "audit_entry_append_only"();');
    this.addSql('drop table if exists "api_key";');
    this.addSql('drop type if exists "principal_role";');
  }
}
