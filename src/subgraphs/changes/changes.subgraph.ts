import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import type { SubgraphDefinition } from '../subgraph-definition';
import { ChangesResolver } from './change-event/changes.resolver';
import { WebhookResolver } from './webhook/webhook.resolver';

/** The change feed: published changes of every domain after a cursor, and the webhook endpoints receiving them. */
export const changesSubgraph: SubgraphDefinition = {
  name: 'changes',
  defaultPort: 4106,
  buildSchema: () => buildFederatedSchema({ resolvers: [ChangesResolver, WebhookResolver] }),
};
