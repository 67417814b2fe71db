import { ProviderError, ProviderErrorCode } from '../provider-error';
import { VendorResponse } from './vendor-http.client';

/**
 * The class an HTTP failure falls in when the vendor's own code says nothing more specific:
 * 429 rate-limited, 5xx transient, any other 4xx a problem with this account or request.
 */
export function classifyStatus(status: number): ProviderErrorCode {
  if (status === 429) return ProviderErrorCode.RateLimited;
  if (status >= 500) return ProviderErrorCode.Transient;
  return ProviderErrorCode.VendorConfig;
}

/** A ProviderError for a non-2xx answer, keeping status, vendor code and Retry-After. */
export function httpFailure(
  response: VendorResponse,
  code: ProviderErrorCode,
  description: string,
  vendorCode?: string,
): ProviderError {
  const suffix = vendorCode ? `, code ${vendorCode}` : '';
  return new ProviderError(code, `${description} (HTTP ${response.status}${suffix})`, {
    httpStatus: response.status,
    vendorCode,
    retryAfterMs: response.retryAfterMs,
  });
}

/** JSON body of a vendor answer, or undefined when it is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
