import { classifyStatus, httpFailure, parseJson } from '../kit/http/classify-status';
import { CodeTable, lookupCode } from '../kit/http/code-table';
import { failureDescriptions } from '../kit/http/describe-failure';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { TelesignTransaction } from './telesign.types';

const { InvalidRecipient, OptedOut, VendorConfig, RateLimited, Transient } = ProviderErrorCode;

/**
 * Telesign status and error codes that say more than the HTTP status (Telesign: "code against
 * the status or error codes, not the HTTP status"; "All status and error codes").
 */
const BY_CODE: CodeTable = {
  11000: InvalidRecipient, // invalid phone_number: too long, too short, not digits
  11001: InvalidRecipient, // invalid country code in phone_number
  104: InvalidRecipient, // voice: wrong/invalid phone
  222: InvalidRecipient, // SMS not supported by this phone
  507: InvalidRecipient, // invalid destination address
  230: InvalidRecipient, // blocked by Telesign: the number is on its global blocklist
  10032: InvalidRecipient, // the same block, as an error code
  130: InvalidRecipient, // voice: call blocked by Telesign (global blocklist)
  510: OptedOut, // the subscriber blocked SMS (carrier plan or request)
  10033: VendorConfig, // trial account: the number is not verified for it
  10019: RateLimited, // rate limit exceeded
  '-40007': RateLimited,
  10020: VendorConfig, // transaction hard cap reached
  10030: VendorConfig, // prepaid wallet empty
  10000: Transient, // system unavailable
  '-90001': Transient,
};

/** Codes of an accepted transaction: still on its way (SMS 290, 292, 203; voice 103, 105). */
const IN_PROGRESS = new Set(['290', '292', '203', '295', '103', '105', '200', '100']);

const DESCRIPTION = failureDescriptions('Telesign');

/** The status code of an answer or callback, then each `errors[].code`, as strings. */
export function telesignCodes(body: TelesignTransaction | undefined): string[] {
  const errors: unknown[] = Array.isArray(body?.errors) ? body.errors : [];
  return [body?.status?.code, ...errors.map((e) => (e as { code?: unknown } | null)?.code)]
    .filter((code) => typeof code === 'number' || typeof code === 'string')
    .map(String);
}

/**
 * Maps a Telesign answer that did not accept the message (a 2xx with a final code classifies as
 * a 4xx does): the first of its codes (`status.code`, then `errors[].code`) that says more than the
 * HTTP status, else the status. Telesign's descriptions are never kept: they quote the number
 * ("{phone_number} has not been verified for this trial account").
 */
export function telesignError(response: VendorResponse): ProviderError {
  const codes = telesignCodes(parseJson(response.body) as TelesignTransaction | undefined);
  const vendorCode = codes.find((c) => lookupCode(BY_CODE, c)) ?? codes[0];
  const known = lookupCode(BY_CODE, vendorCode);
  const code = known ?? classifyStatus(response.status);
  return httpFailure(response, code, describe(vendorCode, code), vendorCode);
}

/** True when a 2xx answer's status code says the message or call is on its way. */
export function isInProgress(vendorCode: string | undefined): boolean {
  return vendorCode === undefined || IN_PROGRESS.has(vendorCode);
}

function describe(vendorCode: string | undefined, code: ProviderErrorCode): string {
  if (vendorCode === '230' || vendorCode === '10032' || vendorCode === '130') {
    return 'Telesign blocked this number (global blocklist)';
  }
  if (vendorCode === '10033') return 'Telesign trial account: the number is not verified';
  return DESCRIPTION[code];
}
