import { GraphQLError } from 'graphql';
import { AppException } from './app.exception';
import { asServiceUnavailable } from './infrastructure-fault';

/** The single place where domain exceptions become GraphQL errors with `extensions.code`. */
export function toGraphQLError(error: unknown): unknown {
  if (!(error instanceof AppException)) return asServiceUnavailable(error, 'resolver');
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: error.extensions,
  });
}
