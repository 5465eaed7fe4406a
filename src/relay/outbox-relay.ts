import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Client } from 'pg';
import { logger } from '../kernel/logger';
import { inSpan } from '../kernel/tracing/in-span';
import { toWireEvent } from '../kernel/outbox/wire-event';
import { readCursor, readEventsAfter, saveCursor } from './outbox-cursor';
import { listenToOutbox, Waker } from './outbox-listener';

export interface OutboxRelayOptions {
  databaseUrl: string;
  natsUrl: string;
  /** JetStream stream holding every subject under `subjectPrefix`; created when missing. */
  stream: string;
  subjectPrefix: string;
  batchSize?: number;
  /** Longest sleep between two looks at the outbox when no NOTIFY arrives. */
  pollMs?: number;
  maxBackoffMs?: number;
  /** Test hook: called after each acknowledged publish. */
  onPublished?: (cursor: string) => void;
}

export interface RelayStatus {
  /** Holds the relay lock: the one instance publishing. */
  active: boolean;
  brokerConnected: boolean;
  lastPublished: string | null;
  duplicates: number;
  lastError: string | null;
}

/** `rj.changes.NATINF`, `rj.changes.organisation`: one subject per referential or domain. */
export const subjectOf = (prefix: string, domain: string): string => `${prefix}.${domain.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The reader's name in change_cursor: one cursor per stream. */
export const relayCursorName = (stream: string): string => `nats:${stream}`;

/**
 * Publishes the outbox to NATS JetStream, at least once and in cursor order (so in order per referential): each
 * event waits for its ack before the next, the cursor advances in the database after the acks, and any failure
 * backs off and starts again from the stored cursor, never skipping. `Nats-Msg-Id` is the event's idempotency key,
 * so JetStream drops a re-publication within its duplicate window and consumers can deduplicate beyond it.
 * One relay publishes at a time (session advisory lock); others wait as standbys.
 */
export class OutboxRelay {
  readonly status: RelayStatus = { active: false, brokerConnected: false, lastPublished: null, duplicates: 0, lastError: null };
  private db: Client | null = null;
  private nats: NatsConnection | null = null;
  private js: JetStreamClient | null = null;
  private stopped = false;
  private killed = false;
  private readonly waker = new Waker();
  private loop: Promise<void> | null = null;
  private readonly cursorName: string;

  constructor(private readonly options: OutboxRelayOptions) {
    this.cursorName = relayCursorName(options.stream);
  }

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  /** Finishes the event in flight, saves the cursor, disconnects. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waker.wake();
    await this.loop;
  }

  /** Test hook: dies like a killed process, without saving the cursor of what it already published. */
  async kill(): Promise<void> {
    this.killed = true;
    await this.stop();
  }

  private async run(): Promise<void> {
    let backoff = 100;
    while (!this.stopped) {
      try {
        if (!(await this.holdLock())) {
          await this.sleepUntilWoken(this.options.pollMs ?? 1000);
          continue;
        }
        await this.connectBroker();
        const published = await this.publishBatch();
        backoff = 100;
        this.status.lastError = null;
        if (published === 0) await this.sleepUntilWoken(this.options.pollMs ?? 1000);
      } catch (error) {
        this.status.lastError = (error as Error).message;
        logger.warn({ err: error, retryInMs: backoff }, 'change relay: publishing failed, retrying from the stored cursor');
        this.js = null;
        await this.dropBrokenConnections();
        await this.sleepUntilWoken(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 5000);
      }
    }
    await this.disconnect();
  }

  /** Connects to PostgreSQL (LISTEN for new events) and takes the relay lock; false while another relay holds it. */
  private async holdLock(): Promise<boolean> {
    this.db ??= await listenToOutbox(this.options.databaseUrl, 'rj outbox relay', this.waker, (error) => {
      this.status.lastError = error.message;
    });
    if (!this.status.active) {
      const { rows } = await this.db.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [
        `rj-outbox-relay:${this.options.stream}`,
      ]);
      this.status.active = rows[0].locked;
    }
    return this.status.active;
  }

  private async connectBroker(): Promise<void> {
    if (this.nats && !this.nats.isClosed() && this.js) return;
    if (!this.nats || this.nats.isClosed()) this.nats = await this.openConnection();
    // (Re)checked after every failure too: a broker restarted without its storage has lost the stream.
    const jsm = await jetstreamManager(this.nats);
    const { stream, subjectPrefix } = this.options;
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add({ name: stream, subjects: [`${subjectPrefix}.>`] });
      logger.info({ stream, subjects: `${subjectPrefix}.>` }, 'change relay: JetStream stream created');
    }
    this.js = jetstream(this.nats);
    this.status.brokerConnected = true;
  }

  private async openConnection(): Promise<NatsConnection> {
    this.status.brokerConnected = false;
    const nats = await connect({ servers: this.options.natsUrl, name: 'rj-outbox-relay', maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    void (async () => {
      for await (const s of nats.status()) {
        if (s.type === 'disconnect') this.status.brokerConnected = false;
        if (s.type === 'reconnect') {
          this.status.brokerConnected = true;
          this.waker.wake();
        }
      }
    })().catch(() => undefined);
    return nats;
  }

  /** One batch after the stored cursor; returns how many events were acknowledged. */
  private async publishBatch(): Promise<number> {
    const db = this.db!;
    const events = await readEventsAfter(db, await readCursor(db, this.cursorName), this.options.batchSize ?? 500);
    // A span per batch that publishes something (idle polls, every second, would be noise).
    return events.length === 0
      ? 0
      : inSpan('relay.batch', { 'rj.relay.stream': this.options.stream, 'rj.relay.events': events.length }, () => this.publishEvents(db, events));
  }

  private async publishEvents(db: Client, events: Awaited<ReturnType<typeof readEventsAfter>>): Promise<number> {
    let acked: string | null = null;
    try {
      for (const event of events) {
        if (this.killed || this.stopped) break;
        const ack = await this.js!.publish(subjectOf(this.options.subjectPrefix, event.domain), JSON.stringify(toWireEvent(event)), {
          msgID: event.idempotency_key,
          timeout: 5000,
        });
        if (ack.duplicate) this.status.duplicates += 1;
        acked = String(event.id);
        this.status.lastPublished = acked;
        this.options.onPublished?.(acked);
      }
    } finally {
      // What was acknowledged is saved even when a later publish fails (a kill saves nothing, like a dead process).
      if (acked && !this.killed) await saveCursor(db, this.cursorName, acked);
    }
    return acked ? events.length : 0;
  }

  private sleepUntilWoken(ms: number): Promise<void> {
    return this.stopped ? Promise.resolve() : this.waker.sleep(ms);
  }

  /** After a failure: a dead database connection (which also lost the lock) or a closed broker connection is rebuilt. */
  private async dropBrokenConnections(): Promise<void> {
    if (this.db) {
      const alive = await this.db.query('select 1').then(
        () => true,
        () => false,
      );
      if (!alive) {
        await this.db.end().catch(() => undefined);
        this.db = null;
        this.status.active = false;
      }
    }
    if (this.nats?.isClosed()) {
      this.nats = null;
      this.js = null;
      this.status.brokerConnected = false;
    }
  }

  private async disconnect(): Promise<void> {
    await this.nats?.close().catch(() => undefined);
    await this.db?.end().catch(() => undefined);
    this.nats = null;
    this.db = null;
    this.status.active = false;
    this.status.brokerConnected = false;
  }
}
