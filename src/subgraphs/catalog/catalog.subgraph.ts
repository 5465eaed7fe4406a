import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import type { SubgraphDefinition } from '../subgraph-definition';
import { Application } from './application/application.entity';
import { resolveApplicationReference } from './application/application.reference';
import { ApplicationResolver } from './application/application.resolver';
import { CoherenceResolver } from './coherence/coherence.resolver';
import { CourtContactResolver } from './contact/court-contact.resolver';
import { DeploymentResolver } from './deployment/deployment.resolver';
import { CourtStubResolver } from './federation/court-stub.resolver';
import { CourtStub } from './federation/court.stub';
import { ReferentialStubResolver } from './federation/referential-stub.resolver';
import { ReferentialStub } from './federation/referential.stub';
import { resolveCourtStub, resolveReferentialStub } from './federation/stub.references';
import { ImpactResolver } from './impact/impact.resolver';
import { ObservedUsageResolver } from './observed-usage/observed-usage.resolver';
import { ReferentialUsageResolver } from './referential-usage/referential-usage.resolver';
import { ReleaseResolver } from './application-release/release.resolver';

/** The map of the judicial IS: applications, releases and roadmap, deployments at courts, referential usage, contacts; impact and coherence. */
export const catalogSubgraph: SubgraphDefinition = {
  name: 'catalog',
  defaultPort: 4103,
  cacheable: true,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          ApplicationResolver,
          ReleaseResolver,
          DeploymentResolver,
          ReferentialUsageResolver,
          CourtContactResolver,
          CourtStubResolver,
          ReferentialStubResolver,
          ImpactResolver,
          CoherenceResolver,
          ObservedUsageResolver,
        ],
        orphanedTypes: [Application, CourtStub, ReferentialStub],
      },
      { Application: resolveApplicationReference, Court: resolveCourtStub, Referential: resolveReferentialStub },
    ),
};
