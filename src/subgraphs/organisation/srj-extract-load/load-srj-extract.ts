import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fold } from '../../../kernel/text/fold';
import { courtPlaceKey, displayName } from './court-name';
import { readCompetences, type UnmatchedName } from './read-competences';
import { readDirectory } from './read-directory';
import { readJuridictions } from './read-juridictions';

export interface SrjLoadReport {
  courts: number;
  competences: number;
  unmatched: UnmatchedName[];
  /** Court sites loaded from the official directory (annuaire-juridictions.csv), when the file is there. */
  sites: number;
  /** Directory rows matching no court or several: stored as competence issues too. */
  siteIssues: UnmatchedName[];
  /** Directory rows of administrative courts (ta, caa), not judicial: skipped. */
  skippedAdministrativeSites: number;
}

const CHUNK = 20_000;

/** Inserts rows through one JSON parameter per chunk: a single round trip, no per-row statement. */
async function insertJson(em: EntityManager, sql: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em.execute(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
  }
}

/**
 * Replaces the SRJ organisation data (courts, competences, unmatched names) with the content of the two
 * shared files, in one transaction: a bad file leaves the stored data as it was.
 */
export async function loadSrjExtract(em: EntityManager, dataDir: string): Promise<SrjLoadReport> {
  const courts = await readJuridictions(join(dataDir, 'juridictions.csv'));
  const reading = await readCompetences(join(dataDir, 'communes-competences.csv'), courts);
  const directoryFile = join(dataDir, 'annuaire-juridictions.csv');
  const directory = existsSync(directoryFile)
    ? await readDirectory(directoryFile, [...courts.values(), ...reading.createdCourts])
    : { sites: [], unmatched: [], skippedAdministrative: 0 };
  const all = [...courts.values(), ...reading.createdCourts].map((c) => {
    const name = c.name ?? displayName(c.type, courtPlaceKey(c.shortName));
    return { code: c.code, type: c.type, name, short_name: c.shortName, search_name: fold(`${name} ${c.shortName}`), parent_code: c.parentCode };
  });
  await em.transactional(async (tx) => {
    await tx.execute('delete from territorial_competence; delete from competence_issue; delete from court_site; delete from court');
    // Parents first is not needed: the foreign key is checked at the end of the statement.
    await insertJson(
      tx,
      `insert into court (code, type, name, short_name, search_name, parent_code)
      select code, type::court_type, name, short_name, search_name, parent_code
      from jsonb_to_recordset(?::jsonb) as r(code text, type text, name text, short_name text, search_name text, parent_code text)`,
      all,
    );
    await insertJson(
      tx,
      `insert into territorial_competence (insee_code, kind, court_code)
      select "inseeCode", "kind"::court_type, "courtCode"
      from jsonb_to_recordset(?::jsonb) as r("inseeCode" text, "kind" text, "courtCode" text)`,
      reading.competences,
    );
    await insertJson(
      tx,
      `insert into competence_issue (kind, source_name, commune_count, sample_insee_codes, reason)
      select "kind"::court_type, "sourceName", "communeCount", "sampleInseeCodes", "reason"
      from jsonb_to_recordset(?::jsonb) as r("kind" text, "sourceName" text, "communeCount" int, "sampleInseeCodes" jsonb, "reason" text)`,
      reading.unmatched,
    );
    await insertJson(
      tx,
      `insert into court_site (court_code, label, address, postal_code, city, insee_code, phones, emails, website, opening_hours, directory_url, directory_updated_on, main)
      select "courtCode", label, address, "postalCode", city, "inseeCode", phones, emails, website, "openingHours", "directoryUrl", "directoryUpdatedOn"::date, true
      from jsonb_to_recordset(?::jsonb) as r("courtCode" text, label text, address text, "postalCode" text, city text, "inseeCode" text, phones jsonb, emails jsonb,
        website text, "openingHours" jsonb, "directoryUrl" text, "directoryUpdatedOn" text)`,
      directory.sites,
    );
    // A name both files miss is one issue with both reasons.
    await insertJson(
      tx,
      `insert into competence_issue (kind, source_name, commune_count, sample_insee_codes, reason)
      select "kind"::court_type, "sourceName", "communeCount", "sampleInseeCodes", "reason"
      from jsonb_to_recordset(?::jsonb) as r("kind" text, "sourceName" text, "communeCount" int, "sampleInseeCodes" jsonb, "reason" text)
      on conflict (kind, source_name) do update set reason = competence_issue.reason || '; ' || excluded.reason`,
      directory.unmatched,
    );
  });
  return {
    courts: all.length,
    competences: reading.competences.length,
    unmatched: reading.unmatched,
    sites: directory.sites.length,
    siteIssues: directory.unmatched,
    skippedAdministrativeSites: directory.skippedAdministrative,
  };
}
