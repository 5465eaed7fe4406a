import type { Client } from 'pg';
import { logger } from '../kernel/logger';
import { loadOutboundPolicy, type OutboundPolicy } from '../kernel/net/outbound-policy';
import { CHANGE_EVENT_COLUMNS, toWireEvent, type ChangeEventRow } from '../kernel/outbox/wire-event';
import { listenToOutbox, Waker } from './outbox-listener';
import { postWebhook } from './webhook-post';
import { signWebhook } from './webhook-signature';

export interface WebhookDispatcherOptions {
  databaseUrl: string;
  /** Tries per delivery before it is parked as DEAD. */
  maxAttempts: number;
  /** Delay after the first failure; doubled after each further one. */
  baseDelayMs: number;
  timeoutMs: number;
  pollMs?: number;
  /** Deliveries sent at once. */
  concurrency?: number;
  /** Which addresses deliveries may reach (default: from the environment, no private address). */
  outbound?: OutboundPolicy;
}

const FAN_OUT_CURSOR = 'webhooks';
const FAN_OUT_BATCH = 1000;

interface DueDelivery extends ChangeEventRow {
  delivery_id: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Webhooks: fans the outbox out into one delivery per matching subscription (its own cursor, advanced in the same
 * transaction as the deliveries it creates), then POSTs due deliveries, signed; a failure is retried after
 * baseDelay × 2^(tries−1), and after the last try the delivery is DEAD until an ADMIN replays it. Several
 * dispatchers can run: fan-out locks the cursor row, sending claims deliveries with SKIP LOCKED and a lease.
 */
export class WebhookDispatcher {
  private db: Client | null = null;
  private stopped = false;
  private readonly waker = new Waker();
  private loop: Promise<void> | null = null;

  private readonly outbound: OutboundPolicy;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.outbound = options.outbound ?? loadOutboundPolicy();
  }

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waker.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    let backoff = 100;
    while (!this.stopped) {
      try {
        const db = await this.connection();
        const fannedOut = await this.fanOut(db);
        const sent = await this.sendDue(db);
        backoff = 100;
        if (fannedOut === 0 && sent === 0) await this.sleep(this.options.pollMs ?? 1000);
      } catch (error) {
        logger.warn({ err: error, retryInMs: backoff }, 'webhook dispatcher failed, retrying');
        await this.db?.end().catch(() => undefined);
        this.db = null;
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
    await this.db?.end().catch(() => undefined);
    this.db = null;
  }

  private async connection(): Promise<Client> {
    this.db ??= await listenToOutbox(this.options.databaseUrl, 'rj webhook dispatcher', this.waker);
    return this.db;
  }

  /** New events → deliveries for the active subscriptions that match them; returns how many events were read. */
  private async fanOut(db: Client): Promise<number> {
    await db.query('begin');
    try {
      await db.query('insert into change_cursor (name) values ($1) on conflict (name) do nothing', [FAN_OUT_CURSOR]);
      const {
        rows: [{ last_id }],
      } = await db.query<{ last_id: string }>('select last_id from change_cursor where name = $1 for update', [FAN_OUT_CURSOR]);
      const {
        rows: [{ last, n }],
      } = await db.query<{ last: string | null; n: number }>(
        `with batch as (select id, domain, type from change_event where id > $1 order by id limit ${FAN_OUT_BATCH}),
         created as (insert into webhook_delivery (subscription_id, event_id)
           select s.id, b.id from batch b join webhook_subscription s on s.active
             and (cardinality(s.domains) = 0 or b.domain = any(s.domains)) and (cardinality(s.types) = 0 or b.type = any(s.types))
           order by b.id, s.id on conflict do nothing)
         select max(id)::text as last, count(*)::int as n from batch`,
        [last_id],
      );
      if (last) await db.query('update change_cursor set last_id = $2, updated_at = now() where name = $1', [FAN_OUT_CURSOR, last]);
      await db.query('commit');
      return n;
    } catch (error) {
      await db.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /** Claims due deliveries (a lease covers the request), sends them, records each outcome; returns how many were sent. */
  private async sendDue(db: Client): Promise<number> {
    const lease = this.options.timeoutMs + 5000;
    const { rows } = await db.query<DueDelivery>(
      `with due as (
         update webhook_delivery set next_attempt_at = now() + $2 * interval '1 millisecond'
         where id in (select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= now() order by event_id, id limit $1 for update skip locked)
         returning id, subscription_id, event_id, attempts)
       select d.id as delivery_id, d.attempts, s.url, s.secret, ${CHANGE_EVENT_COLUMNS.split(', ')
         .map((c) => `e.${c}`)
         .join(', ')}
       from due d join webhook_subscription s on s.id = d.subscription_id join change_event e on e.id = d.event_id
       order by e.id`,
      [this.options.concurrency ?? 8, lease],
    );
    await Promise.all(rows.map((row) => this.deliver(db, row)));
    return rows.length;
  }

  private async deliver(db: Client, row: DueDelivery): Promise<void> {
    const body = JSON.stringify(toWireEvent(row));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const attempt = row.attempts + 1;
    let failure: string | null = null;
    try {
      const status = await postWebhook(
        row.url,
        {
          'content-type': 'application/json',
          'x-rj-timestamp': timestamp,
          'x-rj-signature': signWebhook(row.secret, timestamp, body),
          'x-rj-idempotency-key': row.idempotency_key,
          'x-rj-event-cursor': String(row.id),
          'x-rj-delivery-attempt': String(attempt),
        },
        body,
        this.options.timeoutMs,
        this.outbound,
      );
      if (status < 200 || status > 299) failure = `HTTP ${status}`;
    } catch (error) {
      failure = (error as Error).message;
    }
    if (failure === null) {
      await db.query(`update webhook_delivery set status = 'DELIVERED', attempts = $2, delivered_at = now(), last_error = null where id = $1`, [
        row.delivery_id,
        attempt,
      ]);
    } else if (attempt >= this.options.maxAttempts) {
      logger.warn({ delivery: row.delivery_id, url: row.url, attempts: attempt, error: failure }, 'webhook delivery is dead after its last try');
      await db.query(`update webhook_delivery set status = 'DEAD', attempts = $2, last_error = $3 where id = $1`, [row.delivery_id, attempt, failure]);
    } else {
      const delay = this.options.baseDelayMs * 2 ** (attempt - 1);
      await db.query(`update webhook_delivery set attempts = $2, last_error = $3, next_attempt_at = now() + $4 * interval '1 millisecond' where id = $1`, [
        row.delivery_id,
        attempt,
        failure,
        delay,
      ]);
    }
  }

  private sleep(ms: number): Promise<void> {
    return this.stopped ? Promise.resolve() : this.waker.sleep(ms);
  }
}
