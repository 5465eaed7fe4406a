import { loadConfig } from '../../kernel/config';
import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import { changeFeedMetrics, readChangeFeedStatus } from '../../relay/change-feed-status';
import type { SubgraphDefinition } from '../subgraph-definition';
import { ChangesResolver } from './change-event/changes.resolver';
import { WebhookResolver } from './webhook/webhook.resolver';

/** The change feed: published changes of every domain after a cursor, and the webhook endpoints receiving them. */
export const changesSubgraph: SubgraphDefinition = {
  name: 'changes',
  defaultPort: 4106,
  buildSchema: () => buildFederatedSchema({ resolvers: [ChangesResolver, WebhookResolver] }),
  cacheable: false,
  observability: ({ orm, changeFeed }) => {
    const config = loadConfig().changeFeed;
    return {
      metrics: changeFeedMetrics(orm, config),
      // The relay of this process, when it runs one: is it the active one, is the broker reachable, its last error.
      readyDetails: async () => ({
        changeFeed: { ...(await readChangeFeedStatus(orm, config)), ...(changeFeed?.relay ? { relayProcess: changeFeed.relay.status } : {}) },
      }),
    };
  },
};
