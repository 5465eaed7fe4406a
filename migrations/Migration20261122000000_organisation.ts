import { Migration } from '@mikro-orm/migrations';

/** Organisation subgraph: courts, their sites, territorial competence and unmatched competence names. */
export class Migration20261122000000_organisation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "court_type" as enum ('COUR_APPEL', 'TRIBUNAL_SUPERIEUR_APPEL', 'TRIBUNAL_JUDICIAIRE', 'TRIBUNAL_PREMIERE_INSTANCE', 'TRIBUNAL_PROXIMITE', 'CONSEIL_PRUDHOMMES', 'TRIBUNAL_TRAVAIL', 'TRIBUNAL_COMMERCE');`);
    this.addSql(`create table "competence_issue" ("id" serial primary key, "kind" "court_type" not null, "source_name" varchar(255) not null, "commune_count" int not null, "sample_insee_codes" jsonb not null, "reason" varchar(1024) not null);`);
    this.addSql(`alter table "competence_issue" add constraint "competence_issue_kind_source_name_unique" unique ("kind", "source_name");`);
    this.addSql(`create table "court" ("code" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "type" "court_type" not null, "name" varchar(255) not null, "short_name" varchar(255) not null, "search_name" varchar(255) not null, "parent_code" varchar(64) null, "valid_from" date null, "valid_to" date null, constraint "court_pkey" primary key ("code"));`);
    this.addSql(`create index "court_parent_code_index" on "court" ("parent_code");`);
    this.addSql(`create index "court_type_code_index" on "court" ("type", "code");`);
    this.addSql(`create table "court_site" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "court_code" varchar(64) not null, "label" varchar(255) not null, "address" varchar(512) not null, "postal_code" varchar(5) null, "city" varchar(255) not null, "insee_code" varchar(5) not null, "main" boolean not null default false);`);
    this.addSql(`create index "court_site_court_code_index" on "court_site" ("court_code");`);
    this.addSql(`create table "territorial_competence" ("id" serial primary key, "insee_code" varchar(5) not null, "kind" "court_type" not null, "court_code" varchar(64) not null, "valid_from" date null, "valid_to" date null);`);
    this.addSql(`create index "territorial_competence_court_code_index" on "territorial_competence" ("court_code");`);
    this.addSql(`create index "territorial_competence_insee_code_kind_index" on "territorial_competence" ("insee_code", "kind");`);
    this.addSql(`alter table "court" add constraint "court_parent_code_foreign" foreign key ("parent_code") references "court" ("code") on update cascade on delete set null;`);
    this.addSql(`alter table "court_site" add constraint "court_site_court_code_foreign" foreign key ("court_code") references "court" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "territorial_competence" add constraint "territorial_competence_court_code_foreign" foreign key ("court_code") references "court" ("code") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "territorial_competence", "court_site", "competence_issue", "court" cascade;');
    this.addSql('drop type if exists "court_type";');
  }
}
