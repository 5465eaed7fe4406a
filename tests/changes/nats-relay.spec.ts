import { Role } from '../support/auth';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import { loadConfig } from '../../src/kernel/config';
import { readChangeFeedStatus } from '../../src/relay/change-feed-status';
import { OutboxRelay } from '../../src/relay/outbox-relay';
import type { WireEvent } from '../../src/kernel/outbox/wire-event';
import { aReferential, gqlOk, publishRelease, readAllChanges } from '../builders/referential-release.builder';
import { PrivateNatsServer, readStream, waitFor } from '../support/nats-server';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

const STREAM = 'RJ_CHANGES';
const PREFIX = 'rj.changes';

/** The relay to a real JetStream broker (a private nats-server per suite, killed and restarted at will). */
describe('change feed: NATS JetStream relay', () => {
  const t = useTestServer('empty');
  const broker = new PrivateNatsServer();
  let relay: OutboxRelay;
  const newRelay = (options: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) =>
    new OutboxRelay({ databaseUrl: t.db.url, natsUrl: broker.url, stream: STREAM, subjectPrefix: PREFIX, pollMs: 100, maxBackoffMs: 400, ...options });

  const keysInDatabase = async () =>
    await t.db.orm.em
      .getConnection()
      .execute<{ id: string; idempotency_key: string; domain: string }[]>('select id, idempotency_key, domain from change_event order by id');

  /** The stream holds exactly the outbox: every event once, with its idempotency key, in cursor order per subject. */
  async function expectStreamToMirrorOutbox(stream = STREAM, prefix = PREFIX): Promise<void> {
    const events = await keysInDatabase();
    const messages = await waitFor('the relay to catch up', async () => {
      const all = await readStream(broker.url, stream);
      return all.length >= events.length && all;
    });
    expect(messages.map((m) => m.header.get('Nats-Msg-Id'))).toEqual(events.map((e) => e.idempotency_key));
    expect(messages.map((m) => m.json<WireEvent>().cursor)).toEqual(events.map((e) => String(e.id)));
    expect(messages.map((m) => m.subject)).toEqual(events.map((e) => `${prefix}.${e.domain}`));
  }

  beforeAll(async () => {
    await broker.start();
    relay = newRelay().start();
    await aReferential(t.as([Role.ADMIN]), 'NATS_A');
    await aReferential(t.as([Role.ADMIN]), 'NATS_B');
  });
  afterAll(async () => {
    await relay?.stop();
    await broker.destroy();
  });

  it('publishes each event to rj.changes.<REFERENTIAL> with its idempotency key as Nats-Msg-Id', async () => {
    await publishRelease(t.as([Role.ADMIN]), 'NATS_A', [{ code: 'A1' }, { code: 'A2' }]);
    await publishRelease(t.as([Role.ADMIN]), 'NATS_B', [{ code: 'B1' }]);
    await expectStreamToMirrorOutbox();
    const [first] = await readStream(broker.url, STREAM);
    expect(first.json<WireEvent>()).toMatchObject({
      type: 'ADDED',
      domain: 'NATS_A',
      entityType: 'Entry',
      entityKey: 'A1',
      releaseNumber: 1,
      payload: { code: 'A1', label: 'Libellé A1' },
    });
  });

  it('loses nothing and keeps the order when the broker is down during publications', async () => {
    await broker.stop();
    await publishRelease(t.as([Role.ADMIN]), 'NATS_A', [{ code: 'A1', label: 'changé pendant la panne' }, { code: 'A3' }]);
    await publishRelease(t.as([Role.ADMIN]), 'NATS_B', [{ code: 'B2' }, { code: 'B1', endOn: '2026-01-01' }]);
    await publishRelease(t.as([Role.ADMIN]), 'NATS_A', [{ code: 'A4' }]);
    await new Promise((r) => setTimeout(r, 1000));
    // Meanwhile the events wait in the outbox, and the lag says so.
    const status = await readChangeFeedStatus(t.db.orm, { ...loadConfig().changeFeed, nats: { url: broker.url, stream: STREAM, subjectPrefix: PREFIX } });
    expect(status.relay?.eventsBehind).toBeGreaterThanOrEqual(5);
    expect(relay.status.brokerConnected).toBe(false);
    await broker.start();
    await expectStreamToMirrorOutbox();
    const cursors = (await readStream(broker.url, STREAM)).filter((m) => m.subject === `${PREFIX}.NATS_A`).map((m) => Number(m.json<WireEvent>().cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
  });

  it('republishes from the stored cursor after a relay is killed mid-batch: no loss, duplicates carry the same key', async () => {
    await relay.stop();
    // A stream of its own with a tiny duplicate window, so the re-publications reach consumers as duplicates.
    const stream = 'RJ_KILLED',
      prefix = 'rjkilled.changes';
    const nc = await connect({ servers: broker.url });
    await (await jetstreamManager(nc)).streams.add({ name: stream, subjects: [`${prefix}.>`], duplicate_window: nanos(100) });
    await nc.close();
    const total = (await keysInDatabase()).length;
    let published = 0;
    const doomed = newRelay({
      stream,
      subjectPrefix: prefix,
      batchSize: 100,
      onPublished: () => {
        if (++published === 4) void doomed.kill();
      },
    }).start();
    await waitFor('the doomed relay to die', async () => !doomed.status.active && published >= 4);
    await doomed.stop();
    await new Promise((r) => setTimeout(r, 200)); // past the duplicate window
    const survivor = newRelay({ stream, subjectPrefix: prefix }).start();
    const messages = await waitFor('the survivor to catch up', async () => {
      const all = await readStream(broker.url, stream);
      return all.length >= total + 4 && all;
    });
    await survivor.stop();
    const events = await keysInDatabase();
    // The first four went out twice, with the same idempotency key and cursor both times.
    expect(messages).toHaveLength(total + 4);
    const byKey = new Map<string, string[]>();
    for (const m of messages) byKey.set(m.header.get('Nats-Msg-Id'), [...(byKey.get(m.header.get('Nats-Msg-Id')) ?? []), m.json<WireEvent>().cursor]);
    expect([...byKey.keys()].sort()).toEqual(events.map((e) => e.idempotency_key).sort());
    expect([...byKey.values()].filter((c) => c.length === 2)).toEqual(events.slice(0, 4).map((e) => [String(e.id), String(e.id)]));
    // Deduplicated on the key, the consumer has exactly the outbox, in order.
    const seen = new Set<string>();
    const deduplicated = messages.filter((m) => !seen.has(m.header.get('Nats-Msg-Id')) && seen.add(m.header.get('Nats-Msg-Id')));
    expect(deduplicated.map((m) => m.json<WireEvent>().cursor)).toEqual(events.map((e) => String(e.id)));
    relay = newRelay().start();
  });

  it('a consumer started after ten publishes, reading changes(since: null) then the broker, ends with entries(at: now)', async () => {
    await aReferential(t.as([Role.ADMIN]), 'CHECK');
    const today = new Date().toISOString().slice(0, 10);
    const releases: Parameters<typeof publishRelease>[2][] = [
      [
        { code: '1', label: 'Un' },
        { code: '2', label: 'Deux' },
        { code: '3', label: 'Trois' },
      ],
      [
        { code: '11', label: 'Onze', parentCode: '1' },
        { code: '21', label: 'Vingt et un', parentCode: '2' },
      ],
      [{ code: '2', label: 'Deux (révisé)' }],
      [{ code: '3', endOn: '2020-01-01' }],
      [
        { code: '4', label: 'Quatre' },
        { code: '12', label: 'Douze', parentCode: '1' },
      ],
      [{ code: '11', label: 'Onze (révisé)', parentCode: '1' }],
      [{ code: '5', label: 'Cinq' }],
      [{ code: '4', endOn: '2999-01-01' }],
      [{ code: '12', endOn: today }],
      [
        { code: '6', label: 'Six' },
        { code: '5', label: 'Cinq (révisé)' },
      ],
    ];
    for (const edits of releases) await publishRelease(t.as([Role.ADMIN]), 'CHECK', edits);

    // The consumer starts: it replays the pull API from the beginning…
    const state = new Map<string, Record<string, Untyped>>();
    const applied = new Set<string>();
    const apply = (event: WireEvent) => {
      if (applied.has(event.idempotencyKey)) return; // at least once: deduplicate on the key
      applied.add(event.idempotencyKey);
      if (event.entityType === 'Entry') state.set(event.entityKey, event.payload);
    };
    const { events, endCursor } = await readAllChanges(t.as([Role.ADMIN]), { since: null, refs: ['CHECK'], first: 4 });
    events.forEach(apply);
    // …then follows the broker for what comes after its cursor, including publications made meanwhile.
    await publishRelease(t.as([Role.ADMIN]), 'CHECK', [
      { code: '7', label: 'Sept' },
      { code: '1', label: 'Un (révisé)' },
    ]);
    await expectStreamToMirrorOutbox();
    for (const message of await readStream(broker.url, STREAM)) {
      const event = message.json<WireEvent>();
      if (message.subject === `${PREFIX}.CHECK` && BigInt(event.cursor) > BigInt(endCursor!)) apply(event);
    }

    const inForce = [...state.values()].filter((e) => (!e.validFrom || e.validFrom <= today) && (!e.validTo || e.validTo > today));
    const mine = inForce
      .map((e) => ({ code: e.code, label: e.label, parentCode: e.parentCode, validFrom: e.validFrom, validTo: e.validTo }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const served = (
      await gqlOk(
        t.as([Role.ADMIN]),
        `query($at: LocalDate) { entries(referential: "CHECK", at: $at, first: 100) { edges { node { code label parentCode validFrom validTo } } } }`,
        { at: today },
      )
    ).entries.edges
      .map((e: Untyped) => e.node)
      .sort((a: Untyped, b: Untyped) => a.code.localeCompare(b.code));
    expect(mine).toEqual(served);
    expect(served.map((e: Untyped) => e.code)).toEqual(['1', '11', '2', '21', '4', '5', '6', '7']);
  });
});
