import { perRequest } from '../../kernel/graphql/request-services';
import { ChangesService } from './change-event/changes.service';
import { WebhookService } from './webhook/webhook.service';

/** The changes services of one request: resolvers take them from here instead of constructing them. */
export const changesServices = perRequest(({ em }) => ({
  changes: new ChangesService(em),
  webhooks: new WebhookService(em),
}));
