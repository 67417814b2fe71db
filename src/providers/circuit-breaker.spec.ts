import { AppConfig } from '../config/app.config';
import { CircuitBreakerConfig, ProviderConfig } from '../providers/provider.config';
import { ProviderError, ProviderErrorCode } from '../providers/provider-error';
import { CircuitBreakers } from './circuit-breakers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failure =
  (code = ProviderErrorCode.Transient, retryAfterMs?: number) =>
  () =>
    Promise.reject(new ProviderError(code, code, { retryAfterMs }));
const success = () => Promise.resolve('ok');

function create(consecutiveFailures = 3, cooldownMs = 100): CircuitBreakers {
  const circuitBreaker = Object.assign(new CircuitBreakerConfig(), {
    consecutiveFailures,
    cooldownMs,
  });
  const provider = Object.assign(new ProviderConfig(), { type: 'fake', circuitBreaker });
  return new CircuitBreakers(Object.assign(new AppConfig(), { providers: { p: provider } }));
}

async function fail(sut: CircuitBreakers, times: number, attempt = failure()): Promise<void> {
  for (let i = 0; i < times; i++) await sut.execute('p', attempt).catch(() => undefined);
}

describe(CircuitBreakers.name, () => {
  it('should open after the configured consecutive failures, and not before', async () => {
    const sut = create(3);
    await fail(sut, 2);
    expect(sut.gate('p')).toEqual({ pass: true });

    await fail(sut, 1);

    expect(sut.states()).toEqual({ p: 'open' });
    expect(sut.gate('p')).toEqual({
      pass: false,
      reason: expect.stringMatching(/^circuit open, next probe in \d+ ms$/),
      reopensAt: expect.any(Number),
      vendorAsked: false,
    });
  });

  it('should start counting again after a success', async () => {
    const sut = create(3);
    await fail(sut, 2);
    await sut.execute('p', success);
    await fail(sut, 2);

    expect(sut.states()).toEqual({ p: 'closed' });
  });

  it('should let one probe through after the cooldown, skip the others meanwhile, and close on success', async () => {
    const sut = create(1, 100);
    await fail(sut, 1);
    await sleep(120);
    let finish: (v: string) => void = () => undefined;

    expect(sut.gate('p')).toEqual({ pass: true });
    const probe = sut.execute('p', () => new Promise<string>((r) => (finish = r)));
    expect(sut.states()).toEqual({ p: 'half-open' });
    expect(sut.gate('p')).toMatchObject({
      pass: false,
      reason: 'circuit half-open, a probe is in flight',
    });
    finish('sent');

    await expect(probe).resolves.toBe('sent');
    expect(sut.states()).toEqual({ p: 'closed' });
  });

  it('should open again for another cooldown when the probe fails', async () => {
    const sut = create(1, 100);
    await fail(sut, 1);
    await sleep(120);

    await fail(sut, 1);

    expect(sut.states()).toEqual({ p: 'open' });
    expect(sut.gate('p')).toMatchObject({ pass: false });
  });

  it('should neither open nor count on failures that are about the recipient', async () => {
    const sut = create(1);

    await fail(sut, 3, failure(ProviderErrorCode.InvalidRecipient));
    await fail(sut, 3, failure(ProviderErrorCode.OptedOut));

    expect(sut.states()).toEqual({ p: 'closed' });
    await expect(sut.execute('p', failure(ProviderErrorCode.OptedOut))).rejects.toMatchObject({
      code: ProviderErrorCode.OptedOut,
    });
  });

  it('should open at once for as long as a Retry-After says', async () => {
    const sut = create(5, 100_000);

    await fail(sut, 1, failure(ProviderErrorCode.RateLimited, 150));

    const gate = sut.gate('p');
    expect(gate).toMatchObject({ pass: false, vendorAsked: true });
    expect(gate.pass ? 0 : gate.reopensAt - Date.now()).toBeLessThanOrEqual(150);
    await sleep(170);
    expect(sut.gate('p')).toEqual({ pass: true });
  });

  it('should let anything through for a provider it does not know', async () => {
    const sut = create();

    expect(sut.gate('other')).toEqual({ pass: true });
    await expect(sut.execute('other', success)).resolves.toBe('ok');
  });
});
