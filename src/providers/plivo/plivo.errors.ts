import { failureDescriptions } from '../kit/http/describe-failure';
import { classifyStatus, httpFailure, parseJson } from '../kit/http/classify-status';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { PlivoErrorBody } from './plivo.types';

const DESCRIPTION = failureDescriptions('Plivo');

/**
 * Maps a non-2xx Plivo answer (`{api_id, error}`; vendors.md §4.3). Plivo has no codes there,
 * so the status decides: 403 on Message or Call is a geo permission (this account), 400 a
 * missing or invalid parameter, 401 bad credentials, 429 a rate limit, 5xx transient. None of
 * them proves the number wrong, so all allow failover, except a 400 whose `error` says the
 * destination is not a valid number (an invalid recipient, like `invalid_number` on a 202).
 * `error` is read, never kept (it may quote the number).
 */
export function plivoError(response: VendorResponse): ProviderError {
  if (response.status === 400 && saysInvalidNumber(response.body)) return plivoInvalidNumber();
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

/** Plivo's wording for a destination that is no phone number, e.g. "... is not a valid number". */
const INVALID_NUMBER = /not a valid (phone )?number|invalid (destination|dst)/i;
/** The same words about the sender are this account's problem, not the recipient's. */
const ABOUT_SENDER = /\b(src|source|from|powerpack)\b/i;

function saysInvalidNumber(body: string): boolean {
  const error = (parseJson(body) as PlivoErrorBody | undefined)?.error;
  return typeof error === 'string' && INVALID_NUMBER.test(error) && !ABOUT_SENDER.test(error);
}
