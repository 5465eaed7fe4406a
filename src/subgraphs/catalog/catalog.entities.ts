import { Application } from './application/application.entity';
import { CourtContact } from './contact/court-contact.entity';
import { Deployment } from './deployment/deployment.entity';
import { ReferentialUsage } from './referential-usage/referential-usage.entity';
import { ApplicationRelease } from './application-release/application-release.entity';
import { RoadmapItem } from './application-release/roadmap-item.entity';

export const catalogEntities = [Application, ApplicationRelease, RoadmapItem, Deployment, ReferentialUsage, CourtContact];
