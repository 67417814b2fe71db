import { classifyStatus, httpFailure } from '../kit/http/classify-status';
import { failureDescriptions } from '../kit/http/describe-failure';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { GenericHttpResponseConfig } from './generic-http.config';

export const DESCRIPTION = failureDescriptions('HTTP vendor');

/** Whether the status means the vendor took the message (`successStatuses`, default 2xx). */
export function isSuccessStatus(status: number, config: GenericHttpResponseConfig): boolean {
  return config.successStatuses
    ? config.successStatuses.includes(status)
    : status >= 200 && status < 300;
}

/**
 * The class of a failed answer: the configured lists first (opted out, invalid recipient, rate
 * limited, transient), then 429 rate-limited, 5xx transient, any other status vendor-config.
 */
export function genericHttpError(
  response: VendorResponse,
  config: GenericHttpResponseConfig,
): ProviderError {
  const { status } = response;
  const listed: [number[] | undefined, ProviderErrorCode][] = [
    [config.optedOut, ProviderErrorCode.OptedOut],
    [config.invalidRecipient, ProviderErrorCode.InvalidRecipient],
    [config.rateLimited, ProviderErrorCode.RateLimited],
    [config.transient, ProviderErrorCode.Transient],
  ];
  const code =
    listed.find(([statuses]) => statuses?.includes(status))?.[1] ?? classifyStatus(status);
  return httpFailure(response, code, DESCRIPTION[code]);
}
