import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from '../errors/infrastructure-fault';

/**
 * An answer that holds nothing because the infrastructure failed is HTTP 503 with `Retry-After`, in every mode:
 * load balancers and clients retry it. Partial data (one subgraph down) stays 200 with the error beside the data.
 */
export const serviceUnavailablePlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        if (!errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
        const nothing = !data || Object.values(data).every((value) => value === null);
        if (!nothing) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};
