import type { ApolloServerPlugin } from '@apollo/server';
import { logAccess } from '../logger';

/** One structured line per GraphQL operation: name, duration, error codes; the access log of the API. */
export const operationLogPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const started = process.hrtime.bigint();
    return {
      async willSendResponse({ operationName, errors }) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const codes = errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
        logAccess({ operation: operationName ?? request.operationName ?? null, ms: Math.round(ms * 10) / 10, ...(codes?.length ? { errors: codes } : {}) });
      },
    };
  },
};
