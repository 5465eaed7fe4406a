import { Migration } from '@mikro-orm/migrations';

/**
 * Court sites from the official directory (phones, e-mails, website, opening hours, directory link). Real NATINF files: the legal-text kinds the grammar now reads (décrets-lois, décisions, conventions), and the
 * import report kept on the job (legal-reference fragments read, the unparsed ones by shape).
 */
export class Migration20261128130000_real_files extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "legal_text_kind" add value if not exists 'DECRET_LOI' after 'DECRET';`);
    this.addSql(`alter type "legal_text_kind" add value if not exists 'DECISION' after 'DIRECTIVE_UE';`);
    this.addSql(`alter type "legal_text_kind" add value if not exists 'CONVENTION' after 'DECISION';`);
    this.addSql(`alter table "import_job" add column "report" jsonb null;`);
    this.addSql(`create index "legal_reference_text_number_article_index" on "legal_reference" ("text_number", "article");`);
    this.addSql(`alter table "court_site" alter column "address" drop not null, add column "phones" jsonb not null default '[]', add column "emails" jsonb not null default '[]',
      add column "website" varchar(512) null, add column "opening_hours" jsonb not null default '[]', add column "directory_url" varchar(512) null,
      add column "directory_updated_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "court_site" drop column "phones", drop column "emails", drop column "website", drop column "opening_hours", drop column "directory_url", drop column "directory_updated_on";`);
    this.addSql(`drop index "legal_reference_text_number_article_index";`);
    this.addSql(`alter table "import_job" drop column "report";`);
  }
}
