import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { ApplicationService } from '../application/application.service';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { checkCode, checkPositive, checkText, cleanTexts } from '../catalog.validation';
import { ApplicationRelease } from './application-release.entity';
import { releasesOf, roadmapOf, type ApplicationReleaseRow, type RoadmapItemRow } from './application-release.repository';
import type { AddReleaseInput, AddRoadmapItemInput } from './release.input';
import { RoadmapItem } from './roadmap-item.entity';
import { RoadmapStatus } from './roadmap-status.enum';

export class ReleaseService {
  constructor(private readonly em: EntityManager) {}

  /** An application's releases as plain rows, latest first, batched over every application of the request. */
  releasesOf(applicationCode: string): Promise<ApplicationReleaseRow[]> {
    return releasesOf(this.em, applicationCode);
  }

  /** An application's roadmap as plain rows, soonest first, batched over every application of the request. */
  roadmapOf(applicationCode: string): Promise<RoadmapItemRow[]> {
    return roadmapOf(this.em, applicationCode);
  }

  addRelease(input: AddReleaseInput): Promise<ApplicationRelease> {
    const version = checkText(input.version, 'input.version', 64);
    return this.em.transactional(async (tx) => {
      const application = await new ApplicationService(tx).get(input.applicationCode, 'input.applicationCode');
      if (await tx.count(ApplicationRelease, { application, version })) {
        throw new CatalogException(`${application.code} already has a release ${version}`, CatalogExceptionCode.INVALID_VALUE, 'input.version');
      }
      return recordEntityChange(
        tx,
        ChangeType.ADDED,
        CHANGE_DOMAINS.catalog,
        tx.create(ApplicationRelease, {
          application,
          version,
          releasedOn: input.releasedOn,
          notes: input.notes?.trim() ?? '',
          features: cleanTexts(input.features),
        }),
      );
    });
  }

  addRoadmapItem(input: AddRoadmapItemInput): Promise<RoadmapItem> {
    const title = checkText(input.title, 'input.title');
    const referentialCode = input.referentialCode ? checkCode(input.referentialCode, 'input.referentialCode') : null;
    const referentialRelease = checkPositive(input.referentialRelease, 'input.referentialRelease');
    if (referentialRelease !== null && !referentialCode) {
      throw new CatalogException('a referential release needs its referentialCode', CatalogExceptionCode.INVALID_VALUE, 'input.referentialCode');
    }
    return this.em.transactional(async (tx) => {
      const application = await new ApplicationService(tx).get(input.applicationCode, 'input.applicationCode');
      return recordEntityChange(
        tx,
        ChangeType.ADDED,
        CHANGE_DOMAINS.catalog,
        tx.create(RoadmapItem, {
          application,
          title,
          description: input.description?.trim() ?? '',
          targetDate: input.targetDate ?? null,
          status: input.status ?? RoadmapStatus.PLANNED,
          referentialCode,
          referentialRelease,
          legalTexts: cleanTexts(input.legalTexts),
        }),
      );
    });
  }
}
