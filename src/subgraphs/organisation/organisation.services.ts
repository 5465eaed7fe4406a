import { perRequest } from '../../kernel/graphql/request-services';
import { CompetenceService } from './competence/competence.service';
import { CourtLifecycleService } from './court-lifecycle/court-lifecycle.service';
import { CourtService } from './court/court.service';

/** The organisation services of one request: resolvers take them from here instead of constructing them. */
export const organisationServices = perRequest(({ em }) => ({
  courts: new CourtService(em),
  competences: new CompetenceService(em),
  courtLifecycle: new CourtLifecycleService(em),
}));
