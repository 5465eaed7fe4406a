import { Migration } from '@mikro-orm/migrations';

/** Exchanges subgraph: exchanges, their producers and consumers, the referentials they carry, schema versions. */
export class Migration20261122100100_exchanges extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "message_format" as enum ('XML', 'JSON', 'PDF', 'CSV', 'FLAT_FILE');`);
    this.addSql(`create type "exchange_transport" as enum ('WEB_SERVICE', 'FILE_TRANSFER', 'MESSAGE_QUEUE', 'PORTAL', 'EMAIL');`);
    this.addSql(`create type "signature_level" as enum ('NONE', 'ADVANCED', 'QUALIFIED');`);
    this.addSql(`create type "exchange_status" as enum ('PLANNED', 'ACTIVE', 'DEPRECATED', 'RETIRED');`);
    this.addSql(`create type "party_role" as enum ('PRODUCER', 'CONSUMER');`);
    this.addSql(`create type "external_partner" as enum ('POLICE', 'GENDARMERIE', 'LAWYERS_NETWORK', 'PRISON_ADMINISTRATION', 'TREASURY', 'OTHER_MINISTRY');`);
    this.addSql(`create type "schema_language" as enum ('XSD', 'JSON_SCHEMA');`);
    this.addSql(`create type "schema_status" as enum ('DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED');`);
    this.addSql(`create table "exchange" ("code" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null, "description" text not null default '', "message_types" jsonb not null, "format" "message_format" not null, "transport" "exchange_transport" not null, "signature_level" "signature_level" not null, "retention_period" varchar(32) null, "retention_legal_basis" varchar(512) null, "status" "exchange_status" not null, "legal_texts" jsonb not null, "illustrative" boolean not null default false, constraint "exchange_pkey" primary key ("code"));`);
    // application_code points at the catalog subgraph's application: deliberately no foreign key across subgraphs.
    this.addSql(`create table "exchange_party" ("id" serial primary key, "exchange_code" varchar(64) not null, "role" "party_role" not null, "application_code" varchar(64) null, "partner" "external_partner" null, "partner_name" varchar(255) null, constraint exchange_party_one_side_check check ((application_code is null) <> (partner is null)));`);
    this.addSql(`create index "exchange_party_exchange_code_index" on "exchange_party" ("exchange_code");`);
    this.addSql(`create index "exchange_party_application_code_index" on "exchange_party" ("application_code");`);
    this.addSql(`create table "exchange_referential" ("id" serial primary key, "exchange_code" varchar(64) not null, "referential_code" varchar(64) not null);`);
    this.addSql(`create index "exchange_referential_referential_code_index" on "exchange_referential" ("referential_code");`);
    this.addSql(`alter table "exchange_referential" add constraint "exchange_referential_exchange_code_referential_code_unique" unique ("exchange_code", "referential_code");`);
    this.addSql(`create table "schema_version" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "exchange_code" varchar(64) not null, "version" varchar(32) not null, "language" "schema_language" not null, "status" "schema_status" not null, "content" text not null, "published_on" date null);`);
    this.addSql(`alter table "schema_version" add constraint "schema_version_exchange_code_version_unique" unique ("exchange_code", "version");`);
    this.addSql(`alter table "exchange_party" add constraint "exchange_party_exchange_code_foreign" foreign key ("exchange_code") references "exchange" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "exchange_referential" add constraint "exchange_referential_exchange_code_foreign" foreign key ("exchange_code") references "exchange" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "schema_version" add constraint "schema_version_exchange_code_foreign" foreign key ("exchange_code") references "exchange" ("code") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "schema_version", "exchange_referential", "exchange_party", "exchange" cascade;');
    this.addSql('drop type if exists "schema_status", "schema_language", "external_partner", "party_role", "exchange_status", "signature_level", "exchange_transport", "message_format";');
  }
}
