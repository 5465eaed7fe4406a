import { Migration } from '@mikro-orm/migrations';

/** An import job keeps how long each phase took (read, checks, diff, write…), as its report gave them. */
export class Migration20261123140000_import_job_timings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "import_job" add column "timings" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_job" drop column "timings";`);
  }
}
