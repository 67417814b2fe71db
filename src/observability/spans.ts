import { Span, SpanStatusCode, Tracer } from '@opentelemetry/api';

/**
 * The attributes our spans may carry: a closed set of names whose values are ids from the
 * configuration and words from closed sets (outcome classes, channels, rule names). Never a
 * phone number, an OTP, a vendor's code or message text.
 */
export type SpanAttributeName =
  | 'otg.channel'
  | 'otg.request_type'
  | 'otg.outcome'
  | 'otg.provider'
  | 'otg.vendor'
  | 'otg.country'
  | 'otg.protection.action'
  | 'otg.protection.rule'
  | 'otg.store.driver'
  | 'otg.store.operation'
  | 'error.type';

export type SpanAttributes = Partial<Record<SpanAttributeName, string>>;

/** The part of a span the features write to: attributes from the closed set, and failure. */
export interface SpanNotes {
  set(attributes: SpanAttributes): void;
  /** Marks the span as failed, with a class of cause (never a message). */
  fail(errorType: string): void;
}

/** Set by the tracing SDK once it has started (tracing-sdk.ts); until then spans cost nothing. */
let tracer: Tracer | undefined;

/** Makes {@link withSpan} record spans through this tracer (undefined: no spans again). */
export function recordSpansWith(active: Tracer | undefined): void {
  tracer = active;
}

/** Whether spans are recorded (`tracing.enabled`), for code that wraps something only then. */
export function tracingActive(): boolean {
  return tracer !== undefined;
}

/**
 * Runs `work` inside a span that is the active one for everything it calls (vendor HTTP calls,
 * Redis commands, log lines), ended when it settles; a throw marks it failed with the error's
 * class name. Tracing off: `work` runs with no span at all.
 */
export function withSpan<T>(
  name: string,
  attributes: SpanAttributes,
  work: (notes?: SpanNotes) => Promise<T>,
): Promise<T> {
  if (tracer === undefined) return work();
  return tracer.startActiveSpan(name, { attributes }, (span) => run(span, work));
}

async function run<T>(span: Span, work: (notes: SpanNotes) => Promise<T>): Promise<T> {
  const notes: SpanNotes = {
    set: (attributes) => span.setAttributes(attributes),
    fail: (errorType) => {
      span.setAttribute('error.type', errorType);
      span.setStatus({ code: SpanStatusCode.ERROR });
    },
  };
  try {
    return await work(notes);
  } catch (error) {
    notes.fail(error instanceof Error ? error.name : typeof error);
    throw error;
  } finally {
    span.end();
  }
}
