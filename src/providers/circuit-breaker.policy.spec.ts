import { AttemptTimeoutError } from '../delivery/send-within';
import { countsAgainstProvider, MAX_RETRY_AFTER_MS, openDuration } from './circuit-breaker.policy';
import { ProviderError, ProviderErrorCode } from './provider-error';

const error = (code: ProviderErrorCode, retryAfterMs?: number) =>
  new ProviderError(code, code, { retryAfterMs });

describe(countsAgainstProvider.name, () => {
  it.each([
    ProviderErrorCode.Transient,
    ProviderErrorCode.RateLimited,
    ProviderErrorCode.VendorConfig,
  ])('should count %s against the provider', (code) => {
    expect(countsAgainstProvider(error(code))).toBe(true);
  });

  it('should count a timeout and an unclassified exception against the provider', () => {
    expect(countsAgainstProvider(new AttemptTimeoutError(100))).toBe(true);
    expect(countsAgainstProvider(new Error('boom'))).toBe(true);
  });

  it.each([
    ProviderErrorCode.InvalidRecipient,
    ProviderErrorCode.OptedOut,
    ProviderErrorCode.UnsupportedChannel,
  ])('should not count %s: the vendor answered, the problem is elsewhere', (code) => {
    expect(countsAgainstProvider(error(code))).toBe(false);
  });
});

describe(openDuration.name, () => {
  it('should stay open for the Retry-After of a rate-limited answer', () => {
    expect(openDuration(error(ProviderErrorCode.RateLimited, 7000), 30_000)).toBe(7000);
  });

  it('should cap an absurd Retry-After', () => {
    expect(openDuration(error(ProviderErrorCode.RateLimited, 9e9), 30_000)).toBe(
      MAX_RETRY_AFTER_MS,
    );
  });

  it('should use the cooldown otherwise', () => {
    expect(openDuration(error(ProviderErrorCode.RateLimited), 30_000)).toBe(30_000);
    expect(openDuration(error(ProviderErrorCode.RateLimited, 0), 30_000)).toBe(30_000);
    expect(openDuration(error(ProviderErrorCode.Transient, 7000), 30_000)).toBe(30_000);
    expect(openDuration(new AttemptTimeoutError(10), 30_000)).toBe(30_000);
  });
});
