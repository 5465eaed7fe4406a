import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import type { CourtSite } from './court-site.entity';
import { readRows } from '../../../kernel/database/read-rows';

/** A court site as the GraphQL type reads it, plus the court it belongs to. */
export type CourtSiteRow = Pick<
  CourtSite,
  | 'id'
  | 'label'
  | 'address'
  | 'postalCode'
  | 'city'
  | 'inseeCode'
  | 'phones'
  | 'emails'
  | 'website'
  | 'openingHours'
  | 'directoryUrl'
  | 'directoryUpdatedOn'
  | 'main'
> & {
  courtCode: string;
};

const SITES = `select id, court_code as "courtCode", label, address, postal_code as "postalCode", city, insee_code as "inseeCode", phones, emails, website,
  opening_hours as "openingHours", directory_url as "directoryUrl", directory_updated_on as "directoryUpdatedOn", main
  from court_site where court_code in (select jsonb_array_elements_text(?::jsonb)) order by id`;

/** The sites of a court as plain rows, batched over every court of the request. */
export function sitesOf(em: EntityManager, courtCode: string): Promise<CourtSiteRow[]> {
  return requestLoader<string, CourtSiteRow[]>(em, 'court-sites', async (codes) =>
    groupByKey(codes, await readRows<CourtSiteRow>(em, SITES, [JSON.stringify(codes)]), (site) => site.courtCode),
  ).load(courtCode);
}
