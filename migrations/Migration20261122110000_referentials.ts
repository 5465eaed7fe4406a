import { Migration } from '@mikro-orm/migrations';

/** Referentials subgraph: referentials, numbered releases, entry versions (with full-text search), legal references, mappings. */
export class Migration20261122110000_referentials extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "mapping_kind" as enum ('REPLACED_BY', 'EQUIVALENT', 'BROADER', 'NARROWER');`);
    this.addSql(`create type "legal_role" as enum ('DEFINES', 'PUNISHES');`);
    this.addSql(`create type "legal_text_kind" as enum ('CODE', 'LOI', 'ORDONNANCE', 'DECRET', 'ARRETE', 'REGLEMENT_UE', 'DIRECTIVE_UE', 'OTHER');`);
    this.addSql(`create type "referential_domain" as enum ('CIVIL', 'PENAL', 'GESTION', 'ORGANISATION');`);
    this.addSql(`create type "release_status" as enum ('DRAFT', 'PUBLISHED', 'RETIRED');`);
    this.addSql(`create table "referential_entry" ("id" bigserial primary key, "referential_code" varchar(32) not null, "code" varchar(64) not null, "label" text not null, "parent_code" varchar(64) null, "level" smallint not null default 1, "attributes" jsonb not null default '{}', "valid_from" date null, "valid_to" date null, "recorded_in" int not null, "superseded_in" int null, "search_text" text not null, "search_vector" tsvector generated always as (to_tsvector('simple', search_text)) stored null);`);
    this.addSql(`create index "referential_entry_search_index" on "referential_entry" using gin ("search_vector");`);
    this.addSql(`create index "referential_entry_referential_code_parent_code_index" on "referential_entry" ("referential_code", "parent_code");`);
    this.addSql(`create index "referential_entry_referential_code_code_recorded_in_index" on "referential_entry" ("referential_code", "code", "recorded_in");`);
    this.addSql(`create table "entry_mapping" ("id" serial primary key, "from_referential" varchar(32) not null, "from_code" varchar(64) not null, "kind" "mapping_kind" not null, "to_referential" varchar(32) not null, "to_code" varchar(64) not null, "recorded_in" int not null);`);
    this.addSql(`create index "entry_mapping_from_referential_from_code_index" on "entry_mapping" ("from_referential", "from_code");`);
    this.addSql(`create table "legal_reference" ("id" bigserial primary key, "entry_id" bigint not null, "role" "legal_role" not null, "position" smallint not null, "raw" text not null, "parsed" boolean not null, "text_kind" "legal_text_kind" null, "text" varchar(255) null, "code_mnemonic" varchar(64) null, "text_number" varchar(64) null, "text_date" date null, "article" varchar(64) null, "paragraphs" jsonb not null default '[]');`);
    this.addSql(`create index "legal_reference_code_mnemonic_article_index" on "legal_reference" ("code_mnemonic", "article");`);
    this.addSql(`create index "legal_reference_entry_id_index" on "legal_reference" ("entry_id");`);
    this.addSql(`create table "referential" ("code" varchar(32) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null, "domain" "referential_domain" not null, "description" text null, "owner_bureau" varchar(255) not null, "levels" jsonb not null, "attribute_definitions" jsonb not null, constraint "referential_pkey" primary key ("code"));`);
    this.addSql(`create table "referential_release" ("id" serial primary key, "referential_code" varchar(32) not null, "number" int not null, "status" "release_status" not null, "notes" text null, "created_by" varchar(255) not null, "created_at" timestamptz not null default now(), "published_by" varchar(255) null, "published_at" timestamptz null, "retired_at" timestamptz null, "version" int not null default 1);`);
    this.addSql(`create unique index "referential_release_one_draft" on "referential_release" ("referential_code") where "status" = 'DRAFT';`);
    this.addSql(`alter table "referential_release" add constraint "referential_release_referential_code_number_unique" unique ("referential_code", "number");`);
    this.addSql(`alter table "referential_release" add constraint "referential_release_referential_code_foreign" foreign key ("referential_code") references "referential" ("code") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "entry_mapping", "legal_reference", "referential_entry", "referential_release", "referential" cascade;');
    this.addSql('drop type if exists "mapping_kind", "legal_role", "legal_text_kind", "referential_domain", "release_status";');
  }
}
