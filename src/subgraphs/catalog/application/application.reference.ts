import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import type { Application } from './application.entity';
import { catalogServices } from '../catalog.services';

/** Other subgraphs hold `Application { code }` stubs; the gateway resolves them here, batched per request. */
export const resolveApplicationReference: ReferenceResolver<Application> = (reference, context) =>
  catalogServices(context).applications.findByCode(String(reference.code));
