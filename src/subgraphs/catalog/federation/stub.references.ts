import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { courtStub, type CourtStub } from './court.stub';
import { referentialStub, type ReferentialStub } from './referential.stub';

// A stub is its key: no query here, the fields the catalog adds are batched by their own resolvers.
export const resolveCourtStub: ReferenceResolver<CourtStub> = async (reference) => courtStub(String(reference.code));
export const resolveReferentialStub: ReferenceResolver<ReferentialStub> = async (reference) => referentialStub(String(reference.code));
