import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { loadByKey } from '../../../kernel/database/load-by-key';
import { Referential } from './referential.entity';

/** Catalog and exchanges hold `Referential { code }` stubs; resolved here, batched per request. */
export const resolveReferentialReference: ReferenceResolver<Referential> = (reference, { em }) => loadByKey(em, Referential, String(reference.code));
