import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context';
import type { UsageRecorder } from './usage-recorder';

/** Errors that mean the request was refused, not answered: such requests read nothing and are not counted. */
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * Counts each operation the gateway answered (executed, or served by the cache plugin). Requests refused before
 * execution (parse, validation, query limits, allow-list) have no resolved operation or no data; refused ones
 * (missing credentials or role) carry a refusal code: neither is counted.
 */
export function usagePlugin(recorder: UsageRecorder): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, document, queryHash, operationName, request, contextValue, response }) {
          if (!operation || !document || !queryHash || !contextValue.principal || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data === undefined || errors?.some((e) => REFUSALS.has(String(e.extensions?.code)))) return;
          recorder.record(contextValue.principal, queryHash, operationName ?? request.operationName, document, request.variables);
        },
      };
    },
  };
}
