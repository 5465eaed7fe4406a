import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { catalogServices } from '../catalog.services';
import type { Application } from './application.entity';

/** Other subgraphs hold `Application { code }` stubs; the gateway resolves them here, batched per request. */
export const resolveApplicationReference: ReferenceResolver<Application> = (reference, context) =>
  catalogServices(context).applications.findByCode(String(reference.code));
