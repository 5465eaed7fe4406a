import type { MikroORM } from '@mikro-orm/postgresql';
import { Gauge, Registry } from 'prom-client';
import type { ChangeFeedConfig } from '../kernel/config';
import { relayCursorName } from './outbox-relay';

export interface ChangeFeedStatus {
  /** Null when no relay is configured (NATS_URL unset). */
  relay: { eventsBehind: number; oldestUnpublishedAgeSeconds: number } | null;
  webhooks: { pending: number; dead: number };
}

/** Read from the database, so any instance reports it whichever instance relays. */
export async function readChangeFeedStatus(orm: MikroORM, config: ChangeFeedConfig): Promise<ChangeFeedStatus> {
  // Without a relay there is no lag to measure: counting a large outbox at every /readyz would be wasted.
  const relayed = Boolean(config.nats.url);
  const [row] = await orm.em.getConnection().execute<{ behind: number | null; age: number | null; pending: number; dead: number }[]>(
    `with cursor as (select coalesce((select last_id from change_cursor where name = ?), 0) as last_id)
     select ${relayed ? '(select count(*) from change_event, cursor where id > cursor.last_id)::int' : 'null'} as behind,
            ${relayed ? '(select extract(epoch from now() - min(occurred_at)) from change_event, cursor where id > cursor.last_id)::float' : 'null'} as age,
            (select count(*) from webhook_delivery where status = 'PENDING')::int as pending,
            (select count(*) from webhook_delivery where status = 'DEAD')::int as dead`,
    [relayCursorName(config.nats.stream)],
  );
  return {
    relay: relayed ? { eventsBehind: row.behind ?? 0, oldestUnpublishedAgeSeconds: Math.max(0, Math.round((row.age ?? 0) * 1000) / 1000) } : null,
    webhooks: { pending: row.pending, dead: row.dead },
  };
}

/** `GET /metrics`: Prometheus gauges, read from the database at each scrape. */
export function changeFeedMetrics(orm: MikroORM, config: ChangeFeedConfig): Registry {
  const registry = new Registry();
  let scrape: Promise<ChangeFeedStatus> | null = null;
  // One query per scrape for all the gauges.
  const status = () => (scrape ??= readChangeFeedStatus(orm, config).finally(() => setTimeout(() => (scrape = null), 0)));
  new Gauge({
    name: 'rj_relay_events_behind',
    help: 'Outbox events not yet acknowledged by NATS JetStream',
    registers: [registry],
    async collect() {
      const s = await status();
      if (s.relay) this.set(s.relay.eventsBehind);
    },
  });
  new Gauge({
    name: 'rj_relay_oldest_unpublished_age_seconds',
    help: 'Age of the oldest outbox event not yet published to NATS (0 when none)',
    registers: [registry],
    async collect() {
      const s = await status();
      if (s.relay) this.set(s.relay.oldestUnpublishedAgeSeconds);
    },
  });
  new Gauge({
    name: 'rj_webhook_deliveries',
    help: 'Webhook deliveries by status (pending: to send or retry; dead: every try failed)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const s = await status();
      this.set({ status: 'pending' }, s.webhooks.pending);
      this.set({ status: 'dead' }, s.webhooks.dead);
    },
  });
  return registry;
}
