import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { referentialByCode, type ReferentialRow } from './referential.repository';

/** Catalog and exchanges hold `Referential { code }` stubs; resolved here, batched per request. */
export const resolveReferentialReference: ReferenceResolver<ReferentialRow> = (reference, { em }) => referentialByCode(em).load(String(reference.code));
