import { SpanStatusCode } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { RedactingSpanExporter } from './span-redaction';

describe(RedactingSpanExporter.name, () => {
  const inner = new InMemorySpanExporter();
  const sut = new RedactingSpanExporter(inner);
  const finished = new InMemorySpanExporter();
  const tracer = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: finished })],
  }).getTracer('test');

  async function exported(spans: ReadableSpan[]): Promise<ReadableSpan[]> {
    const code = await new Promise((done) => sut.export(spans, (result) => done(result.code)));
    expect(code).toBe(ExportResultCode.SUCCESS);
    return inner.getFinishedSpans();
  }

  afterEach(() => {
    inner.reset();
    finished.reset();
  });

  it('should hide digits in the status message and in recorded exceptions', async () => {
    const span = tracer.startSpan('SNS Publish', { attributes: { 'rpc.method': 'Publish' } });
    span.recordException(new Error('Invalid parameter: +1 415 555 2671 code 480213'));
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'cannot reach +14155552671' });
    span.end();

    const [out] = await exported(finished.getFinishedSpans());

    expect(out.status).toEqual({ code: SpanStatusCode.ERROR, message: 'cannot reach [redacted]' });
    expect(out.events[0].attributes).toMatchObject({
      'exception.type': 'Error',
      'exception.message': 'Invalid parameter: [redacted] code [redacted]',
    });
    expect(JSON.stringify(out.events)).not.toMatch(/2671|480213/);
    expect(out.attributes).toEqual({ 'rpc.method': 'Publish' });
    expect(out.spanContext()).toEqual(finished.getFinishedSpans()[0].spanContext());
  });

  it('should pass a span without free text through as it is', async () => {
    tracer.startSpan('otg.hook').end();
    const [span] = finished.getFinishedSpans();

    expect((await exported([span]))[0]).toBe(span);
  });
});
