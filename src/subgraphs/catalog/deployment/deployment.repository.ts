import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import type { DeploymentNode } from './deployment.entity';

const AT_COURTS = `select id, application_code as "applicationCode", court_code as "courtCode", status, wave, priority,
  planned_on as "plannedOn", deployed_on as "deployedOn", withdrawn_on as "withdrawnOn"
  from deployment where court_code in (select jsonb_array_elements_text(?::jsonb)) order by application_code`;

/** The deployments at a court as plain rows (reads need no managed entities), batched over every court of the request. */
export function deploymentsAt(em: EntityManager, courtCode: string): Promise<DeploymentNode[]> {
  return requestLoader<string, DeploymentNode[]>(em, 'deployments-by-court', async (codes) =>
    groupByKey(codes, await em.getConnection().execute<DeploymentNode[]>(AT_COURTS, [JSON.stringify(codes)]), (d) => d.courtCode),
  ).load(courtCode);
}
