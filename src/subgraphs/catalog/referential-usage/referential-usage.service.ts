import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { ApplicationService } from '../application/application.service';
import { checkCode, checkPositive, cleanTexts } from '../catalog.validation';
import { ReferentialUsage, type ReferentialUsageNode } from './referential-usage.entity';
import type { DeclareReferentialUsageInput } from './referential-usage.input';
import { usagesOfApplication, usagesOfReferential } from './referential-usage.repository';

export class ReferentialUsageService {
  constructor(private readonly em: EntityManager) {}

  /** The usages of a referential as plain rows, batched over every referential of the request. */
  consumersOf(referentialCode: string): Promise<ReferentialUsageNode[]> {
    return usagesOfReferential(this.em, referentialCode);
  }

  /** The usages of an application as plain rows, batched over every application of the request. */
  ofApplication(applicationCode: string): Promise<ReferentialUsageNode[]> {
    return usagesOfApplication(this.em, applicationCode);
  }

  declare(input: DeclareReferentialUsageInput): Promise<ReferentialUsage> {
    const referentialCode = checkCode(input.referentialCode, 'input.referentialCode');
    const pinnedRelease = checkPositive(input.pinnedRelease, 'input.pinnedRelease');
    return this.em.transactional(async (tx) => {
      const application = await new ApplicationService(tx).get(input.applicationCode, 'input.applicationCode');
      const existing = await tx.findOne(ReferentialUsage, { application, referentialCode });
      const usage = existing ?? tx.create(ReferentialUsage, { application, referentialCode, mode: input.mode });
      Object.assign(usage, { mode: input.mode, pinnedRelease, legalTexts: cleanTexts(input.legalTexts) });
      return recordEntityChange(tx, existing ? ChangeType.CHANGED : ChangeType.ADDED, CHANGE_DOMAINS.catalog, usage);
    });
  }
}
