import { failureDescriptions } from '../kit/http/describe-failure';
import { classifyStatus, httpFailure } from '../kit/http/classify-status';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';

const DESCRIPTION = failureDescriptions('Plivo');

/**
 * Maps a non-2xx Plivo answer (`{api_id, error}`; vendors.md §4.3). Plivo has no codes there,
 * so the status decides: 403 on Message or Call is a geo permission (this account), 400 a
 * missing or invalid parameter, 401 bad credentials, 429 a rate limit, 5xx transient. None of
 * them proves the number wrong, so all allow failover; `error` is not kept (it may quote it).
 */
export function plivoError(response: VendorResponse): ProviderError {
  const code = classifyStatus(response.status);
  const description =
    response.status === 403 ? 'Plivo geo permissions refuse this destination' : DESCRIPTION[code];
  return httpFailure(response, code, description);
}

/** Plivo accepted the request but listed the destination under `invalid_number`. */
export function plivoInvalidNumber(): ProviderError {
  return new ProviderError(
    ProviderErrorCode.InvalidRecipient,
    `${DESCRIPTION[ProviderErrorCode.InvalidRecipient]} (invalid_number)`,
  );
}
