import type { GraphQLFormattedError } from 'graphql';
import { logger } from '../logger';
import { ApiErrorCode } from './app.exception';
import { SERVICE_UNAVAILABLE } from './infrastructure-fault';

/**
 * Codes a client may see with their message: the project's own (AppException) and Apollo's refusals of a request.
 * Anything else (a database error, a bug, a subgraph's uncoded error that the gateway calls DOWNSTREAM_SERVICE_ERROR)
 * may carry SQL, a stack or a path: it is logged here with its detail and reaches the client as a bare internal error.
 */
const CLIENT_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ApiErrorCode),
  SERVICE_UNAVAILABLE,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Apollo's `formatError`: known client errors pass (without stack), everything else becomes INTERNAL_SERVER_ERROR. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code !== 'string' || !CLIENT_CODES.has(code)) {
    logger.error({ err: error, code }, 'unexpected error while executing a GraphQL operation');
    return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
