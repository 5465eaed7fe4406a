import '../../src/kernel/tracing/register-tracing'; // first, as in every entry point
import { inSpan } from '../../src/kernel/tracing/in-span';
import { stopTracing } from '../../src/kernel/tracing/running-tracing';

/** A process started like an entry point: one span, flushed at exit; tells which OpenTelemetry modules it loaded. */
void inSpan('probe', { 'rj.probe': true }, async () => undefined)
  .then(stopTracing)
  .then(() =>
    process.send!(
      Object.keys(require.cache).filter((path) => path.includes('@opentelemetry')),
      () => process.exit(0),
    ),
  );
