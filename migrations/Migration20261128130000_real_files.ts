import { Migration } from '@mikro-orm/migrations';

/**
 * Real NATINF files: the legal-text kinds the grammar now reads (décrets-lois, décisions, conventions), and the
 * import report kept on the job (legal-reference fragments read, the unparsed ones by shape).
 */
export class Migration20261128130000_real_files extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "legal_text_kind" add value if not exists 'DECRET_LOI' after 'DECRET';`);
    this.addSql(`alter type "legal_text_kind" add value if not exists 'DECISION' after 'DIRECTIVE_UE';`);
    this.addSql(`alter type "legal_text_kind" add value if not exists 'CONVENTION' after 'DECISION';`);
    this.addSql(`alter table "import_job" add column "report" jsonb null;`);
    this.addSql(`create index "legal_reference_text_number_article_index" on "legal_reference" ("text_number", "article");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "legal_reference_text_number_article_index";`);
    this.addSql(`alter table "import_job" drop column "report";`);
  }
}
