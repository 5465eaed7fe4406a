import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { catalogServices } from '../catalog.services';
import type { ApplicationNode } from './application.entity';

/** Other subgraphs hold `Application { code }` stubs; the gateway resolves them here, batched per request. */
export const resolveApplicationReference: ReferenceResolver<ApplicationNode> = (reference, context) =>
  catalogServices(context).applications.findByCode(String(reference.code));
