import { Registry } from 'prom-client';
import { Channel } from '../providers/channel';
import { CircuitBreaker } from '../providers/circuit-breaker';
import { CircuitBreakerConfig } from '../providers/provider.config';
import { ProviderError, ProviderErrorCode } from '../providers/provider-error';
import { RegisteredProvider } from '../providers/provider.registry';
import { OtpMessage, SendResult, TelephonyProvider } from '../providers/telephony-provider';
import { AttemptRunner, RunResult } from './attempt-runner';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryPolicy } from './delivery.policy';
import { Router } from './router';

const message: OtpMessage = {
  to: '+14155552671',
  channel: 'sms',
  code: '1',
  text: 'code 1',
  deliveryId: 'd',
};

function provider(
  id: string,
  behaviour: () => Promise<SendResult>,
  timeoutMs = 1000,
): TelephonyProvider & { calls: number } {
  return {
    id,
    type: 'fake',
    channels: ['sms'] as Channel[],
    timeoutMs,
    calls: 0,
    send() {
      this.calls += 1;
      return behaviour();
    },
  };
}

const ok = (sid: string) => () => Promise.resolve({ transactionId: sid });
const fail = (code: ProviderErrorCode) => () =>
  Promise.reject(new ProviderError(code, `failed: ${code}`));
const hang = () => new Promise<SendResult>(() => undefined);
const policy = new DeliveryPolicy(2500, 100, 'code {code}');

/** Each provider's breaker: by default it never opens in these tests. */
const breakers = new WeakMap<TelephonyProvider, CircuitBreaker>();
function breakerOf(provider: TelephonyProvider, consecutiveFailures = 1000, cooldownMs = 200) {
  let breaker = breakers.get(provider);
  if (!breaker) {
    const settings = Object.assign(new CircuitBreakerConfig(), { consecutiveFailures, cooldownMs });
    breakers.set(provider, (breaker = new CircuitBreaker(settings)));
  }
  return breaker;
}

/** Breakers for these providers that open after two failures, for 200 ms. */
function withBreakers<P extends TelephonyProvider[]>(...providers: P): P {
  for (const p of providers) breakerOf(p, 2, 200);
  return providers;
}

/** A runner whose route is, each time, the providers `run` is given. */
function runner(metrics = new DeliveryMetrics(new Registry())) {
  let route: RegisteredProvider[] = [];
  const router = { candidates: () => route } as unknown as Router;
  const sut = new AttemptRunner(policy, router, metrics);
  return {
    run(providers: TelephonyProvider[], sent: OtpMessage, deadlineAt: number): Promise<RunResult> {
      route = providers.map((provider) => ({ provider, breaker: breakerOf(provider) }));
      return sut.run('US', { message: sent }, deadlineAt);
    },
  };
}

describe(AttemptRunner.name, () => {
  const sut = runner();
  const deadline = () => performance.now() + 2500;

  it('should answer unrouted, trying nothing, when no provider routes the message', async () => {
    const run = await sut.run([], message, deadline());

    expect(run).toEqual({ attempts: [], outOfTime: false, unrouted: true });
  });

  it('should stop at the first provider that accepts', async () => {
    const a = provider('a', ok('A1'));
    const b = provider('b', ok('B1'));

    const run = await sut.run([a, b], message, deadline());

    expect(run.sent).toEqual({ providerId: 'a', result: { transactionId: 'A1' } });
    expect(run.attempts).toEqual([
      { providerId: 'a', outcome: 'sent', latencyMs: expect.any(Number) },
    ]);
    expect(b.calls).toBe(0);
  });

  it.each([
    ProviderErrorCode.Transient,
    ProviderErrorCode.RateLimited,
    ProviderErrorCode.VendorConfig,
    ProviderErrorCode.UnsupportedChannel,
  ])('should fail over after %s', async (code) => {
    const run = await sut.run(
      [provider('a', fail(code)), provider('b', ok('B1'))],
      message,
      deadline(),
    );

    expect(run.sent?.providerId).toBe('b');
    expect(run.attempts.map((a) => [a.providerId, a.outcome, a.reason])).toEqual([
      ['a', code, `failed: ${code}`],
      ['b', 'sent', undefined],
    ]);
  });

  it.each([ProviderErrorCode.InvalidRecipient, ProviderErrorCode.OptedOut])(
    'should not fail over after %s',
    async (code) => {
      const b = provider('b', ok('B1'));

      const run = await sut.run([provider('a', fail(code)), b], message, deadline());

      expect(run.sent).toBeUndefined();
      expect(run.permanent).toMatchObject({ providerId: 'a', outcome: code });
      expect(b.calls).toBe(0);
    },
  );

  it('should treat an unexpected exception as transient without leaking its message', async () => {
    const run = await sut.run(
      [provider('a', () => Promise.reject(new Error('+14155552671 boom'))), provider('b', ok('B'))],
      message,
      deadline(),
    );

    expect(run.attempts[0]).toMatchObject({
      outcome: 'transient',
      reason: 'unexpected provider failure',
    });
    expect(run.sent?.providerId).toBe('b');
  });

  it('should abandon a hanging provider at its timeout and try the next', async () => {
    const run = await sut.run(
      [provider('a', hang, 60), provider('b', ok('B'))],
      message,
      deadline(),
    );

    expect(run.attempts[0]).toMatchObject({
      providerId: 'a',
      outcome: 'timeout',
      reason: 'no answer within 60 ms, abandoned',
    });
    expect(run.sent?.providerId).toBe('b');
  });

  it('should not start an attempt when the deadline leaves no time', async () => {
    const a = provider('a', ok('A'));

    const run = await sut.run([a], message, performance.now() + 120);

    expect(run).toEqual({ attempts: [], outOfTime: true });
    expect(a.calls).toBe(0);
  });

  it('should count an attempt the deadline cut short, and providers left untried, as near misses', async () => {
    const registry = new Registry();
    const cut = runner(new DeliveryMetrics(registry));
    const b = provider('b', ok('B'));

    // 400 ms left, 100 ms kept for the answer: a's 1000 ms attempt is cut to 300 ms.
    const run = await cut.run([provider('a', hang, 1000), b], message, performance.now() + 400);

    expect(run).toMatchObject({
      outOfTime: true,
      attempts: [{ providerId: 'a', outcome: 'timeout' }],
    });
    expect(b.calls).toBe(0);
    const nearMisses = await registry.getSingleMetric('otg_deadline_near_misses_total')?.get();
    expect(nearMisses?.values).toEqual([
      { labels: { kind: 'answer' }, value: 0 },
      { labels: { kind: 'attempt-cut' }, value: 1 },
      { labels: { kind: 'untried' }, value: 1 },
    ]);
  });

  it('should hand each provider an abort signal that fires when its attempt is abandoned', async () => {
    let signal: AbortSignal | undefined;
    const a: TelephonyProvider = {
      id: 'a',
      type: 'fake',
      channels: ['sms'],
      timeoutMs: 60,
      send: (_m, s) => ((signal = s), hang()),
    };

    await sut.run([a], message, deadline());

    expect(signal?.aborted).toBe(true);
  });

  describe('with circuit breakers', () => {
    it('should skip a provider whose breaker opened, without calling it, and say why', async () => {
      const sut = runner();
      const [a, b] = withBreakers(
        provider('a', fail(ProviderErrorCode.Transient)),
        provider('b', ok('B')),
      );
      await sut.run([a, b], message, deadline());
      await sut.run([a, b], message, deadline());

      const run = await sut.run([a, b], message, deadline());

      expect(a.calls).toBe(2);
      expect(run.attempts).toEqual([
        {
          providerId: 'a',
          outcome: 'skipped',
          latencyMs: 0,
          reason: expect.stringMatching(/^circuit open, next probe in \d+ ms$/),
        },
        { providerId: 'b', outcome: 'sent', latencyMs: expect.any(Number) },
      ]);
    });

    it('should still try the provider whose breaker reopens first when every breaker is open', async () => {
      const sut = runner();
      const [a, b] = withBreakers(
        provider('a', fail(ProviderErrorCode.Transient)),
        provider('b', fail(ProviderErrorCode.Transient)),
      );
      await sut.run([a, b], message, deadline());
      await sut.run([a, b], message, deadline());
      a.send = () => ((a.calls += 1), Promise.resolve({ transactionId: 'A9' }));

      const run = await sut.run([a, b], message, deadline());

      expect(run.attempts.map((t) => [t.providerId, t.outcome])).toEqual([
        ['a', 'skipped'],
        ['b', 'skipped'],
        ['a', 'sent'],
      ]);
      expect(run.sent).toEqual({ providerId: 'a', result: { transactionId: 'A9' } });
      expect(b.calls).toBe(2);
    });

    it('should not force a provider whose vendor asked for a pause with Retry-After', async () => {
      const sut = runner();
      const limited = () =>
        Promise.reject(
          new ProviderError(ProviderErrorCode.RateLimited, 'slow down', { retryAfterMs: 5000 }),
        );
      const [a] = withBreakers(provider('a', limited));
      await sut.run([a], message, deadline());

      const run = await sut.run([a], message, deadline());

      expect(a.calls).toBe(1);
      expect(run).toEqual({
        attempts: [
          {
            providerId: 'a',
            outcome: 'skipped',
            latencyMs: 0,
            reason: expect.stringMatching(/^circuit open \(Retry-After\), next probe in \d+ ms$/),
          },
        ],
        outOfTime: false,
      });
    });
  });
});
