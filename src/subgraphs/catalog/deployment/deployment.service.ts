import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { LifecycleStatus } from '../application/application-enums';
import { ApplicationService } from '../application/application.service';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { checkPositive } from '../catalog.validation';
import { findCourts } from '../federation/court-directory';
import { DeploymentStatus } from './deployment-status.enum';
import { Deployment, type DeploymentNode } from './deployment.entity';
import { deploymentsAt, deploymentsOf } from './deployment.repository';
import type { AddDeploymentInput } from './deployment.input';

export class DeploymentService {
  constructor(private readonly em: EntityManager) {}

  /** The deployments at a court, as plain rows batched over every court of the request: one query whatever the number of courts. */
  async atCourt(courtCode: string, status?: DeploymentStatus | null): Promise<DeploymentNode[]> {
    const deployments = await deploymentsAt(this.em, courtCode);
    return status ? deployments.filter((d) => d.status === status) : deployments;
  }

  /** The deployments of an application, as plain rows batched over every application of the request. */
  async ofApplication(applicationCode: string, status?: DeploymentStatus | null): Promise<DeploymentNode[]> {
    const deployments = await deploymentsOf(this.em, applicationCode);
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
