import { Migration } from '@mikro-orm/migrations';

/**
 * Four-eyes review of releases (submitted / approved, by whom, on which draft version), comments on a release or
 * an entry, the day a release takes effect, and which referentials require approval (NATINF and NAC do).
 */
export class Migration20261128150000_stewardship extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "release_review_state" as enum ('DRAFT', 'SUBMITTED', 'APPROVED');`);
    this.addSql(`create type "review_comment_kind" as enum ('COMMENT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PUBLISHED');`);
    this.addSql(`create table "release_comment" ("id" serial primary key, "release_id" int not null, "referential_code" varchar(32) not null, "release_number" int not null, "entry_code" varchar(64) null, "kind" "review_comment_kind" not null, "author" varchar(255) not null, "body" text null, "draft_version" int not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "release_comment_release_id_id_index" on "release_comment" ("release_id", "id");`);
    this.addSql(`alter table "release_comment" add constraint "release_comment_release_id_foreign" foreign key ("release_id") references "referential_release" ("id") on update cascade on delete cascade;`);
    // A comment changes what `Release.comments` answers: the response cache must see a new data version.
    this.addSql(`create trigger "release_comment_data_version" after insert or update or delete on "release_comment" for each row execute function bump_referential_version();`);
    this.addSql(`alter table "referential" add column "requires_approval" boolean not null default false;`);
    this.addSql(`update "referential" set "requires_approval" = true where "code" in ('NATINF', 'NAC');`);
    this.addSql(`alter table "referential_release" add column "review_state" "release_review_state" not null default 'DRAFT', add column "submitted_by" varchar(255) null, add column "submitted_at" timestamptz null, add column "submitted_version" int null, add column "approved_by" varchar(255) null, add column "approved_at" timestamptz null, add column "approved_version" int null, add column "effective_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "referential_release" drop column "review_state", drop column "submitted_by", drop column "submitted_at", drop column "submitted_version", drop column "approved_by", drop column "approved_at", drop column "approved_version", drop column "effective_on";`);
    this.addSql(`alter table "referential" drop column "requires_approval";`);
    this.addSql(`drop table if exists "release_comment" cascade;`);
    this.addSql(`drop type if exists "review_comment_kind", "release_review_state";`);
  }
}
