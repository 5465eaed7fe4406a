import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { applicationStub, type ApplicationStub } from './application.stub';

// A stub is its key: no query here, `exchanges` is batched by its own resolver.
export const resolveApplicationStub: ReferenceResolver<ApplicationStub> = async (reference) => applicationStub(String(reference.code));
