import type { GraphQLSchema } from 'graphql';
import { readCommittedSupergraph } from '../../../kernel/federation/committed-supergraph';
import { supergraphApiSchema } from '../../../kernel/usage/supergraph-api-schema';

export { fieldCoordinates } from '../../../kernel/usage/supergraph-api-schema';

let served: Promise<GraphQLSchema> | undefined;

/** The client-facing schema of the committed supergraph, which the gateway serves (read once). */
export const servedSchema = (): Promise<GraphQLSchema> => (served ??= readCommittedSupergraph().then(supergraphApiSchema));
