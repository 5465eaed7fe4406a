import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/**
 * GraphQL parses outside any request (schemas built at start-up, key field sets parsed once) would each be a trace
 * of their own, dozens per boot: they are not exported. Inside a request they are, below its HTTP span.
 */
export class DropOrphanGraphqlSpans implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (!span.parentSpanContext && span.name.startsWith('graphql.')) return;
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
