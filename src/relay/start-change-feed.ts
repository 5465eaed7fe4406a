import type { ChangeFeedConfig } from '../kernel/config';
import { logger } from '../kernel/logger';
import { OutboxRelay } from './outbox-relay';
import { WebhookDispatcher } from './webhook-dispatcher';

export interface RunningChangeFeed {
  relay: OutboxRelay | null;
  dispatcher: WebhookDispatcher | null;
  stop(): Promise<void>;
}

/** Starts what is configured: the NATS relay when NATS_URL is set, the webhook dispatcher unless WEBHOOKS=false. */
export function startChangeFeed(databaseUrl: string, config: ChangeFeedConfig): RunningChangeFeed {
  const relay = config.nats.url
    ? new OutboxRelay({ databaseUrl, natsUrl: config.nats.url, stream: config.nats.stream, subjectPrefix: config.nats.subjectPrefix }).start()
    : null;
  const dispatcher = config.webhooks.enabled ? new WebhookDispatcher({ databaseUrl, ...config.webhooks }).start() : null;
  logger.info(
    {
      nats: config.nats.url ? { stream: config.nats.stream, subjects: `${config.nats.subjectPrefix}.>` } : 'off (NATS_URL unset)',
      webhooks: config.webhooks.enabled,
    },
    'change feed started',
  );
  return {
    relay,
    dispatcher,
    stop: async () => {
      await Promise.all([relay?.stop(), dispatcher?.stop()]);
    },
  };
}
