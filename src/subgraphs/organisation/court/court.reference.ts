import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { Court } from './court.entity';
import { CourtService } from './court.service';

/** Other subgraphs hold `Court { code }` stubs; the gateway resolves them here, batched per request. */
export const resolveCourtReference: ReferenceResolver<Court> = (reference, { em }) =>
  new CourtService(em).findByCode(String(reference.code));
