import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import { SRJ_REFERENTIAL } from '../../kernel/auth/principal';
import type { SubgraphDefinition } from '../subgraph-definition';
import { CompetenceResolver } from './competence/competence.resolver';
import { CourtLifecycleResolver } from './court-lifecycle/court-lifecycle.resolver';
import { Court } from './court/court.entity';
import { resolveCourtReference } from './court/court.reference';
import { CourtResolver } from './court/court.resolver';

/** SRJ organisation: courts, their hierarchy and sites, and which court is competent for which commune. */
export const organisationSubgraph: SubgraphDefinition = {
  name: 'organisation',
  defaultPort: 4101,
  cacheable: true,
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [CourtResolver, CompetenceResolver, CourtLifecycleResolver], orphanedTypes: [Court] },
      { Court: resolveCourtReference },
      {
        auditScope: () => SRJ_REFERENTIAL,
      },
    ),
};
