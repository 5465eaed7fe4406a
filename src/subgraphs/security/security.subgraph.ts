import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import type { SubgraphDefinition } from '../subgraph-definition';
import { ApiKeyResolver } from './api-key/api-key.resolver';
import { AuditTrailResolver } from './audit/audit-trail.resolver';

/** Who may do what: applications' API keys, and the audit trail of every accepted change. */
export const securitySubgraph: SubgraphDefinition = {
  name: 'security',
  defaultPort: 4105,
  cacheable: false,
  buildSchema: () => buildFederatedSchema({ resolvers: [ApiKeyResolver, AuditTrailResolver] }),
};
