import { Migration } from '@mikro-orm/migrations';

/** Tables whose every statement bumps their domain's version (statement-level: a bulk write costs one bump). */
const DOMAINS: Record<string, string[]> = {
  organisation: ['court', 'court_site', 'territorial_competence', 'competence_issue'],
  catalog: ['application', 'application_release', 'roadmap_item', 'deployment', 'referential_usage', 'court_contact'],
  exchanges: ['exchange', 'exchange_party', 'exchange_referential', 'schema_version'],
  referentials: ['referential'],
  imports: ['import_job'],
};

/**
 * Data versions for the response cache. A referential's entries, legal references and mappings only change with a
 * write to its release row (draft claim, import, publish, discard), so releases bump `referential:<code>` per row:
 * an import of NATINF never waits on a steward editing NAC.
 */
export class Migration20261123090000_data_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "data_version" ("domain" varchar(64) not null, "version" bigint not null, constraint "data_version_pkey" primary key ("domain"));`);
    this.addSql(`create function bump_data_version(domain text) returns void language sql as $$
      insert into data_version (domain, version) values (domain, 1) on conflict (domain) do update set version = data_version.version + 1 $$;`);
    this.addSql(`create function bump_domain_version() returns trigger language plpgsql as $$
      begin perform bump_data_version(tg_argv[0]); return null; end $$;`);
    this.addSql(`create function bump_referential_version() returns trigger language plpgsql as $$
      begin perform bump_data_version('referential:' || coalesce(new.referential_code, old.referential_code)); return null; end $$;`);
    for (const [domain, tables] of Object.entries(DOMAINS)) {
      for (const table of tables) {
        this.addSql(`create trigger "${table}_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function bump_domain_version('${domain}');`);
      }
    }
    this.addSql(`create trigger "referential_release_data_version" after insert or update or delete on "referential_release" for each row execute function bump_referential_version();`);
  }

  override async down(): Promise<void> {
    for (const table of [...Object.values(DOMAINS).flat(), 'referential_release']) this.addSql(`drop trigger if exists "${table}_data_version" on "${table}";`);
    this.addSql('drop function if exists bump_referential_version(), bump_domain_version(), bump_data_version(text);');
    this.addSql('drop table if exists "data_version";');
  }
}
