import { ProviderError, ProviderErrorCode } from '../providers/provider-error';
import { AttemptTimeoutError } from './send-within';

/** A Retry-After longer than this is read as this: a vendor's odd date must not park a provider for days. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * Whether a failed attempt says something about the provider: timeouts, transient, rate-limited
 * and vendor-config failures do; invalid-recipient and opted-out are about the person, and an
 * unsupported channel about the route, so they leave the breaker alone (the vendor answered).
 */
export function countsAgainstProvider(error: unknown): boolean {
  if (error instanceof AttemptTimeoutError) return true;
  if (!(error instanceof ProviderError)) return true;
  switch (error.code) {
    case ProviderErrorCode.Transient:
    case ProviderErrorCode.RateLimited:
    case ProviderErrorCode.VendorConfig:
      return true;
    case ProviderErrorCode.InvalidRecipient:
    case ProviderErrorCode.OptedOut:
    case ProviderErrorCode.UnsupportedChannel:
      return false;
  }
}

/** The pause a rate-limited vendor asked for (Retry-After), when it asked for one. */
export function vendorPause(error: unknown): number | undefined {
  if (!(error instanceof ProviderError) || error.code !== ProviderErrorCode.RateLimited) {
    return undefined;
  }
  const ms = error.details.retryAfterMs;
  return ms !== undefined && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

/** How long a breaker opened by `error` stays open: the vendor's Retry-After, else the cooldown. */
export function openDuration(error: unknown, cooldownMs: number): number {
  return vendorPause(error) ?? cooldownMs;
}

/** A provider its breaker skipped, and when the breaker lets an attempt through again. */
export interface SkippedProvider<P> {
  readonly provider: P;
  readonly reopensAt: number;
  /** The vendor itself asked for the pause (Retry-After); it is never overridden. */
  readonly vendorAsked: boolean;
}

/**
 * When every candidate's breaker is open, one of them is still tried rather than handing the
 * OTP to Okta's own rate-limited providers: the one whose breaker reopens first, unless the
 * vendor asked for the pause itself.
 */
export function pickLastResort<P>(skipped: readonly SkippedProvider<P>[]): P | undefined {
  let best: SkippedProvider<P> | undefined;
  for (const skip of skipped) {
    if (skip.vendorAsked) continue;
    if (!best || skip.reopensAt < best.reopensAt) best = skip;
  }
  return best?.provider;
}
