import { ProviderError, ProviderErrorCode } from './provider-error';

/** A Retry-After longer than this is read as this: a vendor's odd date must not park a provider for days. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * Whether a failed attempt says something about the provider: timeouts (like anything that is not
 * a ProviderError), transient, rate-limited and vendor-config failures do; invalid-recipient and
 * opted-out are about the person, and an unsupported channel about the route, so they leave the
 * breaker alone (the vendor answered).
 */
export function countsAgainstProvider(error: unknown): boolean {
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
