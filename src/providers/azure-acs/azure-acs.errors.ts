import type { RestError } from '@azure/core-rest-pipeline';
import type { SmsSendResult } from '@azure/communication-sms';
import { classifyStatus, httpFailure } from '../kit/http/classify-status';
import { failureDescriptions } from '../kit/http/describe-failure';
import { parseRetryAfter } from '../kit/http/retry-after';
import { ProviderError, ProviderErrorCode } from '../provider-error';

const DESCRIPTION = failureDescriptions('Azure Communication Services');

/** The SDK's own test (`isRestError`) by name, so this file does not load the SDK at boot. */
function isRestError(error: unknown): error is RestError {
  return typeof error === 'object' && error !== null && (error as Error).name === 'RestError';
}

/**
 * What the SDK threw: our own errors (network, timeout) as they are; a `RestError` (the
 * resource answered a non-202 status) by its status, with its `code` and Retry-After. Azure's
 * message is never kept.
 */
export function azureError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (!isRestError(error) || error.statusCode === undefined) {
    return new ProviderError(ProviderErrorCode.Transient, 'Azure Communication Services failed');
  }
  const status = error.statusCode;
  const code = classifyStatus(status);
  const retryAfterMs = parseRetryAfter(error.response?.headers.get('retry-after') ?? undefined);
  return httpFailure({ status, retryAfterMs }, code, DESCRIPTION[code], error.code || undefined);
}

/**
 * A recipient the resource did not accept (`successful: false`): its own status says why, a 400
 * there being the recipient's number (the REST reference: "Invalid To phone number format.");
 * `errorMessage` is not kept.
 */
export function refusedRecipient(result: SmsSendResult): ProviderError {
  const status = result.httpStatusCode;
  const code = status === 400 ? ProviderErrorCode.InvalidRecipient : classifyStatus(status);
  return new ProviderError(code, `${DESCRIPTION[code]} (recipient status ${status})`, {
    httpStatus: status,
  });
}
