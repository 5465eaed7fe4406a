import { trace } from '@opentelemetry/api';

/**
 * pino mixin: the active span's trace and span ids on each log line, to go from a log line to its trace.
 * With tracing off no context manager is registered, no span is ever active: one lookup, no fields.
 * A new object each time: pino merges the line's own fields into it.
 */
export function traceLogFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}` };
}
