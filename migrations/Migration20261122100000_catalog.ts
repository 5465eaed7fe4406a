import { Migration } from '@mikro-orm/migrations';

/** Catalog subgraph: applications, releases, roadmap, deployments at courts, referential usage, court contacts. */
export class Migration20261122100000_catalog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "application_domain" as enum ('CIVIL', 'PENAL', 'GESTION', 'TRANSVERSE');`);
    this.addSql(`create type "lifecycle_status" as enum ('STUDY', 'DEVELOPMENT', 'EXPERIMENTATION', 'DEPLOYMENT', 'PRODUCTION', 'DECOMMISSIONING', 'RETIRED');`);
    this.addSql(`create type "contact_role" as enum ('LOCAL_IT_MANAGER', 'DIGITAL_CORRESPONDENT', 'APPLICATION_CORRESPONDENT');`);
    this.addSql(`create type "deployment_status" as enum ('PLANNED', 'EXPERIMENTAL', 'DEPLOYED', 'WITHDRAWN');`);
    this.addSql(`create type "usage_mode" as enum ('READ', 'PRODUCE');`);
    this.addSql(`create type "roadmap_status" as enum ('PLANNED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED');`);
    this.addSql(`create table "application" ("code" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null, "description" text not null default '', "domain" "application_domain" not null, "owner_bureau" varchar(255) not null, "lifecycle_status" "lifecycle_status" not null, "urbanisation_zone" varchar(255) not null, "documentation_url" varchar(1024) null, "illustrative" boolean not null default false, constraint "application_pkey" primary key ("code"));`);
    this.addSql(`create table "application_release" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_code" varchar(64) not null, "version" varchar(64) not null, "released_on" date not null, "notes" text not null default '', "features" jsonb not null);`);
    this.addSql(`create index "application_release_application_code_index" on "application_release" ("application_code");`);
    this.addSql(`alter table "application_release" add constraint "application_release_application_code_version_unique" unique ("application_code", "version");`);
    // court_code points at the organisation subgraph's court: deliberately no foreign key (coherenceReport checks it).
    this.addSql(`create table "court_contact" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "court_code" varchar(64) not null, "role" "contact_role" not null, "name" varchar(255) not null, "email" varchar(255) not null, "application_code" varchar(64) null, "valid_from" date null, "valid_to" date null);`);
    this.addSql(`create index "court_contact_court_code_index" on "court_contact" ("court_code");`);
    this.addSql(`create table "deployment" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_code" varchar(64) not null, "court_code" varchar(64) not null, "status" "deployment_status" not null, "wave" int null, "priority" int null, "planned_on" date null, "deployed_on" date null, "withdrawn_on" date null);`);
    this.addSql(`create index "deployment_court_code_index" on "deployment" ("court_code");`);
    this.addSql(`alter table "deployment" add constraint "deployment_application_code_court_code_unique" unique ("application_code", "court_code");`);
    this.addSql(`create table "referential_usage" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_code" varchar(64) not null, "referential_code" varchar(64) not null, "pinned_release" int null, "mode" "usage_mode" not null, "legal_texts" jsonb not null);`);
    this.addSql(`create index "referential_usage_referential_code_index" on "referential_usage" ("referential_code");`);
    this.addSql(`alter table "referential_usage" add constraint "referential_usage_application_code_referential_code_unique" unique ("application_code", "referential_code");`);
    this.addSql(`create table "roadmap_item" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_code" varchar(64) not null, "title" varchar(255) not null, "description" text not null default '', "target_date" date null, "status" "roadmap_status" not null default 'PLANNED', "referential_code" varchar(64) null, "referential_release" int null, "legal_texts" jsonb not null);`);
    this.addSql(`create index "roadmap_item_application_code_index" on "roadmap_item" ("application_code");`);
    this.addSql(`create index "roadmap_item_referential_code_index" on "roadmap_item" ("referential_code");`);
    this.addSql(`alter table "application_release" add constraint "application_release_application_code_foreign" foreign key ("application_code") references "application" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "deployment" add constraint "deployment_application_code_foreign" foreign key ("application_code") references "application" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "referential_usage" add constraint "referential_usage_application_code_foreign" foreign key ("application_code") references "application" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "roadmap_item" add constraint "roadmap_item_application_code_foreign" foreign key ("application_code") references "application" ("code") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "roadmap_item", "referential_usage", "deployment", "court_contact", "application_release", "application" cascade;');
    this.addSql('drop type if exists "roadmap_status", "usage_mode", "deployment_status", "contact_role", "lifecycle_status", "application_domain";');
  }
}
