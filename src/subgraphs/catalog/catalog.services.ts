import { perRequest } from '../../kernel/graphql/request-services';
import { ReleaseService } from './application-release/release.service';
import { ApplicationService } from './application/application.service';
import { catalogPorts } from './catalog.ports';
import { CoherenceService } from './coherence/coherence.service';
import { CourtContactService } from './contact/court-contact.service';
import { DeploymentService } from './deployment/deployment.service';
import { ImpactService } from './impact/impact.service';
import { ObservedUsageService } from './observed-usage/observed-usage.service';
import { ReferentialUsageService } from './referential-usage/referential-usage.service';

/** The catalog services of one request, with the ports to other subgraphs: resolvers take them from here instead of constructing them. */
export const catalogServices = perRequest(({ em }) => ({
  applications: new ApplicationService(em),
  applicationReleases: new ReleaseService(em),
  courtContacts: new CourtContactService(em),
  deployments: new DeploymentService(em),
  referentialUsages: new ReferentialUsageService(em),
  observedUsage: new ObservedUsageService(em),
  impact: new ImpactService(em, catalogPorts),
  coherence: new CoherenceService(em, catalogPorts),
}));
