import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { recordSpansWith, tracingActive, withSpan } from './spans';

describe(withSpan.name, () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

  afterEach(() => {
    recordSpansWith(undefined);
    exporter.reset();
  });

  it('should run the work without a span while tracing is off', async () => {
    const seen: unknown[] = [];

    const result = await withSpan('otg.hook', { 'otg.channel': 'sms' }, (span) => {
      seen.push(span);
      return Promise.resolve('answered');
    });

    expect(result).toBe('answered');
    expect(seen).toEqual([undefined]);
    expect(tracingActive()).toBe(false);
  });

  it('should record the span with its attributes, and a throw as a failure named by class', async () => {
    recordSpansWith(provider.getTracer('test'));

    await withSpan('otg.attempt', { 'otg.provider': 'tw' }, (span) => {
      span?.set({ 'otg.outcome': 'sent' });
      return Promise.resolve();
    });
    const thrown = withSpan('otg.store', { 'otg.store.operation': 'get' }, () =>
      Promise.reject(new RangeError('store said +14155552671')),
    );

    await expect(thrown).rejects.toThrow(RangeError);
    expect(tracingActive()).toBe(true);
    expect(exporter.getFinishedSpans().map((s) => [s.name, s.attributes, s.status])).toEqual([
      ['otg.attempt', { 'otg.provider': 'tw', 'otg.outcome': 'sent' }, { code: 0 }],
      ['otg.store', { 'otg.store.operation': 'get', 'error.type': 'RangeError' }, { code: 2 }],
    ]);
  });
});
