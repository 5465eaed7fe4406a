import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

// A proxy until tracing starts (or forever, a no-op, when it is off).
const tracer = trace.getTracer('referentiel-justice');

/** Runs `work` in a span of its own, child of the active one; a failure marks the span as an error. */
export function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
