import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import { LifecycleStatus } from '../application/application-enums';
import { ApplicationService } from '../application/application.service';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { checkPositive } from '../catalog.validation';
import { findCourts } from '../federation/court-directory';
import { DeploymentStatus } from './deployment-status.enum';
import { Deployment } from './deployment.entity';
import type { AddDeploymentInput } from './deployment.input';

export class DeploymentService {
  constructor(private readonly em: EntityManager) {}

  /** The deployments at a court, batched over every court of the request: one query whatever the number of courts. */
  async atCourt(courtCode: string, status?: DeploymentStatus | null): Promise<Deployment[]> {
    const loader = requestLoader<string, Deployment[]>(this.em, 'deployments-by-court', async (codes) =>
      groupByKey(codes, await this.em.find(Deployment, { courtCode: { $in: [...codes] } }, { orderBy: { application: 'asc' } }), (d) => d.courtCode));
    const deployments = await loader.load(courtCode);
    return status ? deployments.filter((d) => d.status === status) : deployments;
  }

  add(input: AddDeploymentInput): Promise<Deployment> {
    const wave = checkPositive(input.wave, 'input.wave');
    const priority = checkPositive(input.priority, 'input.priority');
    return this.em.transactional(async (tx) => {
      const application = await new ApplicationService(tx).get(input.applicationCode, 'input.applicationCode');
      if (application.lifecycleStatus === LifecycleStatus.RETIRED && input.status !== DeploymentStatus.WITHDRAWN) {
        throw new CatalogException(`${application.code} is retired: it can only be withdrawn from a court`, CatalogExceptionCode.INVALID_VALUE, 'input.status');
      }
      if (!(await findCourts(tx, [input.courtCode])).has(input.courtCode)) {
        throw new CatalogException(`no court with code ${input.courtCode}`, CatalogExceptionCode.UNKNOWN_COURT, 'input.courtCode');
      }
      const existing = await tx.findOne(Deployment, { application, courtCode: input.courtCode });
      const deployment = existing ?? tx.create(Deployment, { application, courtCode: input.courtCode, status: input.status });
      Object.assign(deployment, {
        status: input.status,
        wave,
        priority,
        plannedOn: input.plannedOn ?? null,
        deployedOn: input.deployedOn ?? null,
        withdrawnOn: input.withdrawnOn ?? null,
      });
      return recordEntityChange(tx, existing ? ChangeType.CHANGED : ChangeType.ADDED, CHANGE_DOMAINS.catalog, deployment);
    });
  }
}
