import { Migration } from '@mikro-orm/migrations';

/** Import jobs: every file import (CLI or HTTP upload) with its outcome, counts and first problems. */
export class Migration20261122120000_import_jobs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "import_job_status" as enum ('RUNNING', 'WRITTEN', 'NO_CHANGE', 'DRY_RUN', 'REFUSED', 'FAILED');`);
    this.addSql(`create table "import_job" ("id" serial primary key, "referential_code" varchar(32) not null, "file" varchar(255) not null, "status" "import_job_status" not null, "actor" varchar(255) not null, "started_at" timestamptz not null default now(), "finished_at" timestamptz null, "rows_read" int not null default 0, "invalid_rows" int not null default 0, "diff" jsonb null, "errors" jsonb not null default '[]', "error_count" int not null default 0, "release_number" int null, "failure" text null);`);
    this.addSql(`create index "import_job_referential_code_started_at_index" on "import_job" ("referential_code", "started_at");`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "import_job";');
    this.addSql('drop type if exists "import_job_status";');
  }
}
