import type { EntityManager } from '@mikro-orm/postgresql';
import { requestLoader } from '../../../kernel/graphql/request-loader';
import type { ApplicationNode } from './application.entity';
import type { ApplicationsFilter } from './application.input';
import { readRows } from '../../../kernel/database/read-rows';

const APPLICATION = `select code, name, description, domain, owner_bureau as "ownerBureau", lifecycle_status as "lifecycleStatus",
  urbanisation_zone as "urbanisationZone", documentation_url as "documentationUrl", illustrative from application`;

/** The filter's criteria and their columns. */
const FILTER_COLUMNS: [keyof ApplicationsFilter, string][] = [
  ['domain', 'domain'],
  ['lifecycleStatus', 'lifecycle_status'],
  ['ownerBureau', 'owner_bureau'],
  ['urbanisationZone', 'urbanisation_zone'],
];

/** Application reads as plain rows shaped like the GraphQL `Application` (reads need no managed entities), batched per request. */
export class ApplicationRepository {
  constructor(private readonly em: EntityManager) {}

  /** One statement for every code the request asks for (a walk resolves an application per deployment). */
  byCode(code: string): Promise<ApplicationNode | null> {
    return requestLoader<string, ApplicationNode | null>(this.em, 'application-by-code', async (codes) => {
      // `in (…)`, not a JSON list: a client's code may hold a lone surrogate, which JSON escapes and jsonb refuses.
      const rows = await readRows<ApplicationNode>(this.em, `${APPLICATION} where code in (?)`, [codes]);
      const found = new Map(rows.map((a) => [a.code, a]));
      return codes.map((code) => found.get(code) ?? null);
    }).load(code);
  }

  /** Every application, in the table's order (the coherence report looks them up by code). */
  all(): Promise<ApplicationNode[]> {
    return readRows<ApplicationNode>(this.em, APPLICATION);
  }

  /** These applications (those that exist), by code. */
  async byCodes(codes: readonly string[]): Promise<ApplicationNode[]> {
    if (!codes.length) return [];
    return readRows<ApplicationNode>(this.em, `${APPLICATION} where code in (?) order by code asc`, [codes]);
  }

  list(filter: ApplicationsFilter): Promise<ApplicationNode[]> {
    const given = FILTER_COLUMNS.filter(([key]) => filter[key]);
    const where = given.length ? `where ${given.map(([, column]) => `${column} = ?`).join(' and ')}` : '';
    return readRows<ApplicationNode>(
      this.em,
      `${APPLICATION} ${where} order by code`,
      given.map(([key]) => filter[key]),
    );
  }
}
