import { ProviderErrorCode } from '../../provider-error';

/**
 * Our own words for each failure class of one vendor, for ProviderError messages (a vendor's
 * text is never quoted: it may hold the phone number).
 */
export function failureDescriptions(vendor: string): Readonly<Record<ProviderErrorCode, string>> {
  return {
    [ProviderErrorCode.Transient]: `${vendor} failed`,
    [ProviderErrorCode.RateLimited]: `${vendor} rate limit`,
    [ProviderErrorCode.VendorConfig]: `${vendor} refused this account or sender`,
    [ProviderErrorCode.InvalidRecipient]: `${vendor} rejected the recipient`,
    [ProviderErrorCode.OptedOut]: `recipient opted out at ${vendor}`,
    [ProviderErrorCode.UnsupportedChannel]: `${vendor} cannot use this channel`,
  };
}
