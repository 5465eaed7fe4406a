import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import { DeploymentStatus } from './deployment-status.enum';
import type { DeploymentNode } from './deployment.entity';
import { readRows } from '../../../kernel/database/read-rows';

const DEPLOYMENT = `select id, application_code as "applicationCode", court_code as "courtCode", status, wave, priority,
  planned_on as "plannedOn", deployed_on as "deployedOn", withdrawn_on as "withdrawnOn" from deployment`;
const AT_COURTS = `${DEPLOYMENT} where court_code in (select jsonb_array_elements_text(?::jsonb)) order by application_code`;
// The ORM's collection load's statement, `in (…)` and no order by: pg plans it as before, so rows come in the same order.
const OF_APPLICATIONS = `${DEPLOYMENT} where application_code in (?)`;

/** The deployments at a court as plain rows (reads need no managed entities), batched over every court of the request. */
export function deploymentsAt(em: EntityManager, courtCode: string): Promise<DeploymentNode[]> {
  return requestLoader<string, DeploymentNode[]>(em, 'deployments-by-court', async (codes) =>
    groupByKey(codes, await readRows<DeploymentNode>(em, AT_COURTS, [JSON.stringify(codes)]), (d) => d.courtCode),
  ).load(courtCode);
}

/** The deployments of an application as plain rows, batched over every application of the request. */
export function deploymentsOf(em: EntityManager, applicationCode: string): Promise<DeploymentNode[]> {
  return requestLoader<string, DeploymentNode[]>(em, 'deployments-by-application', async (codes) =>
    groupByKey(codes, await readRows<DeploymentNode>(em, OF_APPLICATIONS, [codes]), (d) => d.applicationCode),
  ).load(applicationCode);
}

/** The deployments not withdrawn of these applications, by application then court (the impact analysis's). */
export function deploymentsInService(em: EntityManager, applicationCodes: readonly string[]): Promise<DeploymentNode[]> {
  if (!applicationCodes.length) return Promise.resolve([]);
  return readRows<DeploymentNode>(em, `${DEPLOYMENT} where application_code in (?) and status != ? order by application_code asc, court_code asc`, [
    applicationCodes,
    DeploymentStatus.WITHDRAWN,
  ]);
}

/** Every deployment, by application then court (the coherence report's). */
export function everyDeployment(em: EntityManager): Promise<DeploymentNode[]> {
  return readRows<DeploymentNode>(em, `${DEPLOYMENT} order by application_code asc, court_code asc`);
}
