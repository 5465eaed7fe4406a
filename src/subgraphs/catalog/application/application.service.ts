import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { checkCode, checkText, checkUrl } from '../catalog.validation';
import { ApplicationDomain, LifecycleStatus } from './application-enums';
import { Application, type ApplicationNode } from './application.entity';
import type { ApplicationsFilter, CreateApplicationInput, UpdateApplicationInput } from './application.input';
import { ApplicationRepository } from './application.repository';

export class ApplicationService {
  private readonly applications: ApplicationRepository;

  constructor(private readonly em: EntityManager) {
    this.applications = new ApplicationRepository(em);
  }

  /** A plain row, batched across a request, so a list of references costs one query. */
  findByCode(code: string): Promise<ApplicationNode | null> {
    return this.applications.byCode(code);
  }

  async get(code: string, field = 'code'): Promise<Application> {
    const application = await this.em.findOne(Application, { code });
    if (!application) throw new CatalogException(`no application with code ${code}`, CatalogExceptionCode.APPLICATION_NOT_FOUND, field);
    return application;
  }

  list(filter: ApplicationsFilter = {}): Promise<ApplicationNode[]> {
    return this.applications.list(filter);
  }

  create(input: CreateApplicationInput): Promise<Application> {
    const code = checkCode(input.code, 'input.code');
    const values = {
      code,
      name: checkText(input.name, 'input.name'),
      description: input.description?.trim() ?? '',
      domain: input.domain as ApplicationDomain,
      ownerBureau: checkText(input.ownerBureau, 'input.ownerBureau'),
      lifecycleStatus: input.lifecycleStatus ?? LifecycleStatus.STUDY,
      urbanisationZone: checkText(input.urbanisationZone, 'input.urbanisationZone'),
      documentationUrl: input.documentationUrl ? checkUrl(input.documentationUrl, 'input.documentationUrl') : null,
    };
    return this.em.transactional(async (tx) => {
      if (await tx.count(Application, { code })) {
        throw new CatalogException(`an application with code ${code} exists`, CatalogExceptionCode.APPLICATION_EXISTS, 'input.code');
      }
      return recordEntityChange(tx, ChangeType.ADDED, CHANGE_DOMAINS.catalog, tx.create(Application, values));
    });
  }

  update(code: string, input: UpdateApplicationInput): Promise<Application> {
    return this.em.transactional(async (tx) => {
      const application = await new ApplicationService(tx).get(code);
      if (input.name != null) application.name = checkText(input.name, 'input.name');
      if (input.description != null) application.description = input.description.trim();
      if (input.domain != null) application.domain = input.domain;
      if (input.ownerBureau != null) application.ownerBureau = checkText(input.ownerBureau, 'input.ownerBureau');
      if (input.urbanisationZone != null) application.urbanisationZone = checkText(input.urbanisationZone, 'input.urbanisationZone');
      if (input.documentationUrl != null)
        application.documentationUrl = input.documentationUrl === '' ? null : checkUrl(input.documentationUrl, 'input.documentationUrl');
      return recordEntityChange(tx, ChangeType.CHANGED, CHANGE_DOMAINS.catalog, application);
    });
  }

  /** Retiring is setting RETIRED: deployments and usages stay, as history; coherenceReport points at what still relies on it. */
  setLifecycleStatus(code: string, status: LifecycleStatus): Promise<Application> {
    return this.em.transactional(async (tx) => {
      const application = await new ApplicationService(tx).get(code);
      application.lifecycleStatus = status;
      return recordEntityChange(tx, status === LifecycleStatus.RETIRED ? ChangeType.ENDED : ChangeType.CHANGED, CHANGE_DOMAINS.catalog, application);
    });
  }
}
