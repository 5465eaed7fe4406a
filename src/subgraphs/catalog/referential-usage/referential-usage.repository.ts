import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import type { ReferentialUsageNode } from './referential-usage.entity';
import { readRows } from '../../../kernel/database/read-rows';

const USAGE = `select id, application_code as "applicationCode", referential_code as "referentialCode", pinned_release as "pinnedRelease", mode,
  legal_texts as "legalTexts" from referential_usage`;
// `in (…)`, not a JSON list: referentialUsage's code comes from a client and may hold a lone surrogate, which jsonb refuses.
const OF_REFERENTIALS = `${USAGE} where referential_code in (?) order by application_code`;
// The ORM's collection load's statement, `in (…)` and no order by: pg plans it as before, so rows come in the same order.
const OF_APPLICATIONS = `${USAGE} where application_code in (?)`;

/** The usages of a referential as plain rows, by application, batched over every referential of the request. */
export function usagesOfReferential(em: EntityManager, referentialCode: string): Promise<ReferentialUsageNode[]> {
  return requestLoader<string, ReferentialUsageNode[]>(em, 'usages-by-referential', async (codes) =>
    groupByKey(codes, await readRows<ReferentialUsageNode>(em, OF_REFERENTIALS, [codes]), (u) => u.referentialCode),
  ).load(referentialCode);
}

/** The usages of an application as plain rows, batched over every application of the request. */
export function usagesOfApplication(em: EntityManager, applicationCode: string): Promise<ReferentialUsageNode[]> {
  return requestLoader<string, ReferentialUsageNode[]>(em, 'usages-by-application', async (codes) =>
    groupByKey(codes, await readRows<ReferentialUsageNode>(em, OF_APPLICATIONS, [codes]), (u) => u.applicationCode),
  ).load(applicationCode);
}

/** Every usage, or those of one referential, in the table's order: the ORM's statements the impact analysis read them with. */
export function usagesFor(em: EntityManager, referentialCode?: string): Promise<ReferentialUsageNode[]> {
  return readRows<ReferentialUsageNode>(
    em,
    referentialCode === undefined ? USAGE : `${USAGE} where referential_code = ?`,
    referentialCode === undefined ? [] : [referentialCode],
  );
}

/** Every usage, by referential then application (the coherence report's). */
export function everyUsage(em: EntityManager): Promise<ReferentialUsageNode[]> {
  return readRows<ReferentialUsageNode>(em, `${USAGE} order by referential_code asc, application_code asc`);
}
