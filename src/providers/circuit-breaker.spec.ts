import { CircuitBreaker } from './circuit-breaker';
import { CircuitBreakerConfig } from './provider.config';
import { ProviderError, ProviderErrorCode } from './provider-error';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failure =
  (code = ProviderErrorCode.Transient, retryAfterMs?: number) =>
  () =>
    Promise.reject(new ProviderError(code, code, { retryAfterMs }));
const success = () => Promise.resolve('ok');

function create(consecutiveFailures = 3, cooldownMs = 100): CircuitBreaker {
  return new CircuitBreaker(
    Object.assign(new CircuitBreakerConfig(), { consecutiveFailures, cooldownMs }),
  );
}

async function fail(sut: CircuitBreaker, times: number, attempt = failure()): Promise<void> {
  for (let i = 0; i < times; i++) await sut.execute(attempt).catch(() => undefined);
}

describe(CircuitBreaker.name, () => {
  it('should open after the configured consecutive failures, and not before', async () => {
    const sut = create(3);
    await fail(sut, 2);
    expect(sut.gate()).toEqual({ pass: true });

    await fail(sut, 1);

    expect(sut.state).toBe('open');
    expect(sut.gate()).toEqual({
      pass: false,
      reason: expect.stringMatching(/^circuit open, next probe in \d+ ms$/),
      reopensAt: expect.any(Number),
      vendorAsked: false,
    });
  });

  it('should start counting again after a success', async () => {
    const sut = create(3);
    await fail(sut, 2);
    await sut.execute(success);
    await fail(sut, 2);

    expect(sut.state).toBe('closed');
  });

  it('should let one probe through after the cooldown, skip the others meanwhile, and close on success', async () => {
    const sut = create(1, 100);
    await fail(sut, 1);
    await sleep(120);
    let finish: (v: string) => void = () => undefined;

    expect(sut.gate()).toEqual({ pass: true });
    const probe = sut.execute(() => new Promise<string>((r) => (finish = r)));
    expect(sut.state).toBe('half-open');
    expect(sut.gate()).toMatchObject({
      pass: false,
      reason: 'circuit half-open, a probe is in flight',
    });
    finish('sent');

    await expect(probe).resolves.toBe('sent');
    expect(sut.state).toBe('closed');
  });

  it('should open again for another cooldown when the probe fails', async () => {
    const sut = create(1, 100);
    await fail(sut, 1);
    await sleep(120);

    await fail(sut, 1);

    expect(sut.state).toBe('open');
    expect(sut.gate()).toMatchObject({ pass: false });
  });

  it('should neither open nor count on failures that are about the recipient', async () => {
    const sut = create(1);

    await fail(sut, 3, failure(ProviderErrorCode.InvalidRecipient));
    await fail(sut, 3, failure(ProviderErrorCode.OptedOut));

    expect(sut.state).toBe('closed');
    await expect(sut.execute(failure(ProviderErrorCode.OptedOut))).rejects.toMatchObject({
      code: ProviderErrorCode.OptedOut,
    });
  });

  it('should open at once for as long as a Retry-After says', async () => {
    const sut = create(5, 100_000);

    await fail(sut, 1, failure(ProviderErrorCode.RateLimited, 150));

    const gate = sut.gate();
    expect(gate).toMatchObject({ pass: false, vendorAsked: true });
    expect(gate.pass ? 0 : gate.reopensAt - Date.now()).toBeLessThanOrEqual(150);
    await sleep(170);
    expect(sut.gate()).toEqual({ pass: true });
  });
});
