import { Migration } from '@mikro-orm/migrations';
import { NATINF_NATURE_DEFINITION, NATINF_NATURE_TERMS } from '../src/subgraphs/referentials/demo-data/referential-definitions';
import { searchTextOf } from '../src/subgraphs/referentials/entry/search-text';

const lit = (text: string): string => `'${text.replace(/'/g, "''")}'`;

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
    // A hub that already holds NATINF gets its nature vocabulary (release 1, published) and the definition pointing at it.
    const hasNatinf = `exists (select 1 from referential where code = 'NATINF') and not exists (select 1 from referential where code = 'NATINF_NATURE')`;
    const d = NATINF_NATURE_DEFINITION;
    this.addSql(`insert into referential (code, name, domain, description, owner_bureau, levels, attribute_definitions)
      select ${lit(d.code)}, ${lit(d.name)}, 'PENAL', ${lit(d.description)}, ${lit(d.ownerBureau)}, '[]', ${lit(JSON.stringify(d.attributeDefinitions))}::jsonb where ${hasNatinf};`);
    this.addSql(`insert into referential_release (referential_code, number, status, notes, created_by, published_by, published_at)
      select 'NATINF_NATURE', 1, 'PUBLISHED', 'The natures of the ministry''s NATINF file', 'migration', 'migration', now()
      where exists (select 1 from referential where code = 'NATINF_NATURE') and not exists (select 1 from referential_release where referential_code = 'NATINF_NATURE');`);
    this.addSql(`insert into referential_entry (referential_code, recorded_in, code, label, level, attributes, search_text)
      select 'NATINF_NATURE', 1, t.code, t.label, 1, t.attributes, t.search_text from jsonb_to_recordset(${lit(JSON.stringify(NATINF_NATURE_TERMS.map((t) => ({
        code: t.code, label: t.label, attributes: t.class === null ? { category: t.category } : { category: t.category, class: t.class }, search_text: searchTextOf(t.code, t.label),
      }))))}::jsonb) as t(code text, label text, attributes jsonb, search_text text)
      where exists (select 1 from referential_release where referential_code = 'NATINF_NATURE' and created_by = 'migration')
        and not exists (select 1 from referential_entry where referential_code = 'NATINF_NATURE');`);
    this.addSql(`update referential set attribute_definitions = (select jsonb_agg(case when a->>'name' = 'nature' then a || '{"vocabulary": "NATINF_NATURE"}'::jsonb else a end) from jsonb_array_elements(attribute_definitions) a)
      where code = 'NATINF' and exists (select 1 from referential where code = 'NATINF_NATURE') and not attribute_definitions @> '[{"vocabulary": "NATINF_NATURE"}]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "court_site" drop column "phones", drop column "emails", drop column "website", drop column "opening_hours", drop column "directory_url", drop column "directory_updated_on";`);
    this.addSql(`drop index "legal_reference_text_number_article_index";`);
    this.addSql(`alter table "import_job" drop column "report";`);
  }
}
