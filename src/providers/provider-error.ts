/**
 * The closed set of ways a vendor can fail (vendors.md §9). Failover policy in delivery/ reads
 * only this class; vendor strategies map their own codes onto it.
 */
export enum ProviderErrorCode {
  /** Timeout, connection error, 5xx, vendor-side hiccup: another provider may work. */
  Transient = 'transient',
  /** The vendor throttled us; honour Retry-After and try another provider. */
  RateLimited = 'rate-limited',
  /** Credentials, balance, sender, geo permissions on this account: another provider may work. */
  VendorConfig = 'vendor-config',
  /** The number cannot receive this message; no other vendor will do better. */
  InvalidRecipient = 'invalid-recipient',
  /** The person opted out (STOP); failing over would dodge their choice. */
  OptedOut = 'opted-out',
  /** The vendor cannot use this channel. */
  UnsupportedChannel = 'unsupported-channel',
}

/** Codes after which the next provider is tried. */
export function isFailoverCode(code: ProviderErrorCode): boolean {
  switch (code) {
    case ProviderErrorCode.Transient:
    case ProviderErrorCode.RateLimited:
    case ProviderErrorCode.VendorConfig:
    case ProviderErrorCode.UnsupportedChannel:
      return true;
    case ProviderErrorCode.InvalidRecipient:
    case ProviderErrorCode.OptedOut:
      return false;
  }
}

export interface ProviderErrorDetails {
  /** The vendor's own error code or status, when it gave one (e.g. Twilio `21211`). */
  vendorCode?: string;
  /** HTTP status of the vendor's answer, when there was one. */
  httpStatus?: number;
  /** From a Retry-After header, for rate-limited answers. */
  retryAfterMs?: number;
}

/**
 * A classified vendor failure. `message` is safe to log and to show Okta: it never holds a
 * secret, a code or a full phone number.
 */
export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    readonly details: ProviderErrorDetails = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  get failover(): boolean {
    return isFailoverCode(this.code);
  }
}
