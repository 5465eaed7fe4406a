import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { OutboxRelay } from '../../src/relay/outbox-relay';
import { aReferential, publishRelease } from '../builders/referential-release.builder';
import { Role } from '../support/auth';
import { PrivateNatsServer, readStream, waitFor } from '../support/nats-server';
import { useTestServer } from '../support/test-server';

/**
 * The relay's spans (manual spans need no module patching, so this runs under Jest): one per batch it publishes,
 * none for the idle polls in between.
 */
describe('change feed: relay tracing', () => {
  const t = useTestServer('empty');
  const broker = new PrivateNatsServer();
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(async () => {
    provider.register();
    await broker.start();
  });
  afterAll(async () => {
    await provider.shutdown();
    await broker.destroy();
  });

  it('publishes each batch in a relay.batch span counting its events, and idles without spans', async () => {
    await aReferential(t.as([Role.ADMIN]), 'TRACED');
    await publishRelease(t.as([Role.ADMIN]), 'TRACED', [{ code: 'T1' }, { code: 'T2' }, { code: 'T3' }]);
    const [{ count }] = await t.db.orm.em.getConnection().execute<{ count: string }[]>('select count(*) from change_event');
    const events = Number(count);
    exporter.reset();
    const relay = new OutboxRelay({
      databaseUrl: t.db.url,
      natsUrl: broker.url,
      stream: 'RJ_TRACED',
      subjectPrefix: 'rj.traced',
      pollMs: 50,
      batchSize: 2,
    }).start();
    try {
      await waitFor('the relay to publish the outbox', async () => (await readStream(broker.url, 'RJ_TRACED')).length >= events);
      await new Promise((resolve) => setTimeout(resolve, 300)); // a few idle polls
    } finally {
      await relay.stop();
    }
    const batches = exporter.getFinishedSpans().filter((span) => span.name === 'relay.batch');
    expect(batches.length).toBe(Math.ceil(events / 2));
    expect(batches.map((span) => span.attributes['rj.relay.events']).reduce((a, b) => Number(a) + Number(b), 0)).toBe(events);
    expect(batches.every((span) => span.attributes['rj.relay.stream'] === 'RJ_TRACED' && !span.parentSpanContext)).toBe(true);
  });
});
