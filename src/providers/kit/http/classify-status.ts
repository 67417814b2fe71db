import { ProviderError, ProviderErrorCode } from '../../provider-error';
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

/**
 * A vendor code worth quoting to Okta and in logs: a short token without a run of six digits
 * (vendors send codes like `21211` or `syntax_invalid_parameter_format`; a field that holds a
 * phone number or an echoed code instead is dropped, never quoted).
 */
const SAFE_VENDOR_CODE = /^(?!.*\d{6})[A-Za-z0-9._-]{1,64}$/;

/** A ProviderError for a non-2xx answer, keeping status, vendor code and Retry-After. */
export function httpFailure(
  response: Pick<VendorResponse, 'status' | 'retryAfterMs'>,
  code: ProviderErrorCode,
  description: string,
  vendorCode?: string,
): ProviderError {
  if (vendorCode !== undefined && !SAFE_VENDOR_CODE.test(vendorCode)) vendorCode = undefined;
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
