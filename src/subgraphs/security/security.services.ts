import { perRequest } from '../../kernel/graphql/request-services';
import { ApiKeyService } from './api-key/api-key.service';
import { AuditTrailService } from './audit/audit-trail.service';
import { securityPorts } from './security.ports';

/** The security services of one request, with the ports to other subgraphs: resolvers take them from here instead of constructing them. */
export const securityServices = perRequest(({ em }) => ({
  apiKeys: new ApiKeyService(em, securityPorts.applications),
  auditTrail: new AuditTrailService(em),
}));
