import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import type { CourtNode } from './court.entity';
import { CourtRepository } from './court.repository';

/** Other subgraphs hold `Court { code }` stubs; the gateway resolves them here, batched per request. */
export const resolveCourtReference: ReferenceResolver<CourtNode> = (reference, { em }) => new CourtRepository(em).byCode(String(reference.code));
