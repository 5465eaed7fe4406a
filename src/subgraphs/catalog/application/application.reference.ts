import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import type { Application } from './application.entity';
import { ApplicationService } from './application.service';

/** Other subgraphs hold `Application { code }` stubs; the gateway resolves them here, batched per request. */
export const resolveApplicationReference: ReferenceResolver<Application> = (reference, { em }) => new ApplicationService(em).findByCode(String(reference.code));
