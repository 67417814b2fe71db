import { ProviderError, ProviderErrorCode } from '../providers/provider-error';
import {
  countsAgainstProvider,
  MAX_RETRY_AFTER_MS,
  openDuration,
  pickLastResort,
} from './circuit-breaker.policy';
import { AttemptTimeoutError } from './send-within';

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

describe(pickLastResort.name, () => {
  it('should pick the provider whose breaker reopens first', () => {
    expect(
      pickLastResort([
        { provider: 'a', reopensAt: 300, vendorAsked: false },
        { provider: 'b', reopensAt: 100, vendorAsked: false },
        { provider: 'c', reopensAt: 200, vendorAsked: false },
      ]),
    ).toBe('b');
  });

  it('should never override a pause the vendor asked for', () => {
    expect(
      pickLastResort([
        { provider: 'a', reopensAt: 300, vendorAsked: false },
        { provider: 'b', reopensAt: 100, vendorAsked: true },
      ]),
    ).toBe('a');
    expect(pickLastResort([{ provider: 'b', reopensAt: 100, vendorAsked: true }])).toBeUndefined();
    expect(pickLastResort([])).toBeUndefined();
  });
});
