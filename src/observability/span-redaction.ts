import { Attributes, SpanStatus } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace';
import { scrubDigits } from '../common/scrub';

/**
 * The exporter behind a last line of defence, like the log redaction: the free text a library
 * puts on a span (its status message, the message and stack of a recorded exception) has every
 * run of four or more digits hidden, so a vendor error that quotes a phone number or a code
 * leaves the process without it. Attribute values are left alone: ours come from closed sets,
 * and the instrumentations are set up to record no query string, Redis argument or destination.
 */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly exporter: SpanExporter) {}

  export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]): void {
    this.exporter.export(spans.map(redactSpan), done);
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
}

/** The span with its free text scrubbed; the same object when there is none. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  const message = span.status.message;
  const exceptions = span.events.some((event) => event.name === 'exception');
  if (!message && !exceptions) return span;
  const status: SpanStatus = message
    ? { ...span.status, message: scrubDigits(message) }
    : span.status;
  const events = exceptions ? span.events.map(redactEvent) : span.events;
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status,
    attributes: span.attributes,
    links: span.links,
    events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

function redactEvent(event: TimedEvent): TimedEvent {
  if (event.name !== 'exception' || !event.attributes) return event;
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(event.attributes)) {
    attributes[key] = typeof value === 'string' ? scrubDigits(value) : value;
  }
  return { ...event, attributes };
}
