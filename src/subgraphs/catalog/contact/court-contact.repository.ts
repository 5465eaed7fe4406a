import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import type { CourtContactNode } from './court-contact.entity';
import { readRows } from '../../../kernel/database/read-rows';

// The ORM's statement (`in (…)`, by role then name): pg returns the rows in the same order as before.
const CONTACT = `select id, court_code as "courtCode", role, name, email, application_code as "applicationCode", valid_from as "validFrom", valid_to as "validTo"
  from court_contact`;
const AT_COURTS = `${CONTACT} where court_code in (?) order by role asc, name asc`;

/** The contacts of a court, every period, as plain rows (reads need no managed entities), batched over every court of the request. */
export function contactsAt(em: EntityManager, courtCode: string): Promise<CourtContactNode[]> {
  return requestLoader<string, CourtContactNode[]>(em, 'contacts-by-court', async (codes) =>
    groupByKey(codes, await readRows<CourtContactNode>(em, AT_COURTS, [codes]), (c) => c.courtCode),
  ).load(courtCode);
}

/** Every contact, every period, by court (the coherence report's). */
export function everyContact(em: EntityManager): Promise<CourtContactNode[]> {
  return readRows<CourtContactNode>(em, `${CONTACT} order by court_code asc`);
}
