import type { ApolloServerPlugin } from '@apollo/server';
import { logAccess, msSince } from '../logger';

/** One structured line per GraphQL operation: name, duration, error codes; the access log of the API. */
export const operationLogPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const started = process.hrtime.bigint();
    return {
      async willSendResponse({ operationName, errors }) {
        const codes = errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
        logAccess({ operation: operationName ?? request.operationName ?? null, ms: msSince(started), ...(codes?.length ? { errors: codes } : {}) });
      },
    };
  },
};
