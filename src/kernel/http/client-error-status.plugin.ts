import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** HTTP status of a request refused before execution, by its error code: a client's mistake is never a 5xx. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  NOT_FOUND: 400,
  CONFLICT: 400,
};

const statusOf = (errors: readonly GraphQLFormattedError[]): number | undefined => {
  const statuses = errors.map((e) => STATUS_BY_CODE[String(e.extensions?.code)]);
  return statuses.every((s) => s !== undefined) ? statuses[0] : undefined;
};

const isEmpty = (data: unknown): boolean => data === null || (typeof data === 'object' && Object.values(data as object).every((v) => v === null));

/**
 * Gives client errors their 4xx: a document whose operation cannot be chosen (an `operationName` naming none, two
 * operations and no name) is refused before the gateway plans it (it answered 500); refusals before execution
 * (limits, allow-list, validation) get the status of their code; an answer holding nothing but UNAUTHENTICATED
 * errors (a mutation without credentials) is a 401, as documented.
 */
export const clientErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : 'Must provide operation name if query contains multiple operations.';
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length) return;
        if (data === undefined) {
          const status = statusOf(errors);
          if (status) response.http.status = status;
        } else if (isEmpty(data) && errors.every((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
          response.http.status = 401;
        }
      },
    };
  },
};
