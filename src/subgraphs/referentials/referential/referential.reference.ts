import { wrap } from '@mikro-orm/core';
import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { Referential } from './referential.entity';

/** Catalog and exchanges hold `Referential { code }` stubs; resolved here, batched by MikroORM's reference loader. */
export const resolveReferentialReference: ReferenceResolver<Referential> = async (reference, { em }) => {
  const referential = await em.getReference(Referential, String(reference.code), { wrapped: true }).load();
  // The batch loader hands back the bare reference when no row has that code.
  return referential && wrap(referential).isInitialized() ? referential : null;
};
