import type { MikroORM } from '@mikro-orm/postgresql';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../auth/principal';
import { logger } from '../logger';
import { analyseDocument, referentialsRead, type DocumentUsage } from './document-usage';
import { usageClientOf } from './usage-client';
import type { UsageConfig } from './usage-config';
import { rollUpUsage, writeUsage, type OperationCount, type ReferentialCount } from './usage-store';

const HOUR_MS = 3_600_000;
/** Failed flushes are retried with the next one, as long as they hold fewer operations than this. */
const MAX_KEPT_OPERATIONS = 100_000;

/** One (client, operation) of one hour: its requests, and how many of them read each referential release. */
interface Counter {
  client: string;
  application: string | null;
  operationName: string;
  operationHash: string;
  coordinates: readonly string[];
  requests: number;
  first: number;
  last: number;
  referentials?: Map<string, { requests: number; first: number; last: number }>;
}

interface HourOfCounts {
  hour: number;
  counters: Map<string, Counter>;
}

/** Recorders of this process, for `flushUsage()` (tests, shutdown). */
const running = new Set<UsageRecorder>();

/** Writes every running recorder's counters now: what tests call instead of waiting for the timer. */
export async function flushUsage(): Promise<void> {
  await Promise.all([...running].map((r) => r.flush()));
}

/**
 * Counts GraphQL requests per (hour, client, operation, coordinate) and per (hour, client, referential, release) in
 * memory and writes them in one statement every `flushSeconds` and at shutdown: no write per request, and a crash
 * loses at most the last interval. A document is analysed once (by its hash); each request then costs a map update.
 */
export class UsageRecorder {
  private readonly documents = new LRUCache<string, DocumentUsage | false>({ max: 5_000 });
  /** By parsed document too: the requests a direct route answers share its document, whatever their literals. */
  private readonly parsed = new WeakMap<DocumentNode, DocumentUsage | false>();
  private current: HourOfCounts = { hour: 0, counters: new Map() };
  private closed: HourOfCounts[] = [];
  private hourEnds = 0;
  private flushing: Promise<void> = Promise.resolve();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly schema: GraphQLSchema,
    private readonly config: UsageConfig,
  ) {}

  start(): this {
    running.add(this);
    this.timers.push(setInterval(() => void this.flush(), this.config.flushSeconds * 1000).unref());
    // Retention once soon after start, then hourly; instances that run it together take turns on a lock.
    const rollUp = () => void rollUpUsage(this.orm, this.config).catch((error: unknown) => logger.warn({ err: error }, 'usage roll-up failed'));
    this.timers.push(setTimeout(rollUp, 60_000).unref(), setInterval(rollUp, HOUR_MS).unref());
    return this;
  }

  /** Final flush; the process may exit once it resolves. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    running.delete(this);
    await this.flush();
  }

  /**
   * One request the API answered. `document` is the parsed query when Apollo has it, else its text (a cache hit
   * served before Apollo: parsed only if this process never saw that document).
   */
  record(
    principal: Principal,
    queryHash: string,
    operationName: string | null | undefined,
    document: DocumentNode | string,
    variables: Record<string, unknown> | null | undefined,
  ): void {
    let usage = this.documents.get(queryHash);
    if (usage === undefined) {
      usage = this.analyse(document);
      this.documents.set(queryHash, usage);
    }
    if (usage === false) return;
    const now = Date.now();
    if (now >= this.hourEnds) this.nextHour(now);
    const { client, application } = usageClientOf(principal);
    const name = operationName ?? usage.soleOperationName ?? '';
    const key = `${client}\n${name}\n${queryHash}`;
    let counter = this.current.counters.get(key);
    if (counter) {
      counter.requests += 1;
      counter.last = now;
    } else {
      counter = { client, application, operationName: name, operationHash: queryHash, coordinates: usage.coordinates, requests: 1, first: now, last: now };
      this.current.counters.set(key, counter);
    }
    if (!usage.referentialReads.length) return;
    counter.referentials ??= new Map();
    for (const read of referentialsRead(usage.referentialReads, variables)) {
      const count = counter.referentials.get(read);
      if (count) {
        count.requests += 1;
        count.last = now;
      } else counter.referentials.set(read, { requests: 1, first: now, last: now });
    }
  }

  /** Writes what was counted so far; flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private analyse(document: DocumentNode | string): DocumentUsage | false {
    if (typeof document === 'string') return this.usageOf(document);
    let usage = this.parsed.get(document);
    if (usage === undefined) this.parsed.set(document, (usage = this.usageOf(document)));
    return usage;
  }

  private usageOf(document: DocumentNode | string): DocumentUsage | false {
    try {
      return analyseDocument(this.schema, typeof document === 'string' ? parse(document) : document);
    } catch {
      return false;
    }
  }

  private nextHour(now: number): void {
    if (this.current.counters.size) this.closed.push(this.current);
    const hour = now - (now % HOUR_MS);
    this.current = { hour, counters: new Map() };
    this.hourEnds = hour + HOUR_MS;
  }

  private async write(): Promise<void> {
    const batches = [...this.closed, this.current];
    this.closed = [];
    this.current = { hour: this.current.hour, counters: new Map() };
    // Keyed again by hour: a batch kept from a failed flush may share its hour with newer counts (one row each).
    const operations = new Map<string, OperationCount>();
    const referentials: ReferentialCount[] = [];
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const { hour, counters } of batches) {
      for (const [key, c] of counters) {
        const common = { hour: iso(hour), client: c.client, application: c.application };
        const known = operations.get(`${hour}\n${key}`);
        if (known)
          Object.assign(known, {
            requests: known.requests + c.requests,
            first_seen: iso(Math.min(Date.parse(known.first_seen), c.first)),
            last_seen: iso(Math.max(Date.parse(known.last_seen), c.last)),
          });
        else
          operations.set(`${hour}\n${key}`, {
            ...common,
            operation_name: c.operationName,
            operation_hash: c.operationHash,
            coordinates: c.coordinates,
            requests: c.requests,
            first_seen: iso(c.first),
            last_seen: iso(c.last),
          });
        for (const [read, count] of c.referentials ?? []) {
          const [referential, release] = read.split('@');
          referentials.push({
            ...common,
            referential,
            release: release ? Number(release) : null,
            requests: count.requests,
            first_seen: iso(count.first),
            last_seen: iso(count.last),
          });
        }
      }
    }
    try {
      await writeUsage(this.orm, [...operations.values()], referentials);
    } catch (error) {
      const kept = batches.reduce((n, b) => n + b.counters.size, 0) < MAX_KEPT_OPERATIONS;
      // Counted again with the next flush; the current hour's new counters stay apart (merged by the database).
      if (kept) this.closed.unshift(...batches.filter((b) => b.counters.size));
      logger.warn({ err: error, kept }, 'usage counters could not be written');
    }
  }
}
