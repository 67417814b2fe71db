import { CodeTable, lookupCode } from '../kit/http/code-table';
import { failureDescriptions } from '../kit/http/describe-failure';
import { classifyStatus, httpFailure, parseJson } from '../kit/http/classify-status';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { TelnyxErrorBody } from './telnyx.types';

const { Transient, RateLimited, VendorConfig, InvalidRecipient, OptedOut } = ProviderErrorCode;
const DESCRIPTION = failureDescriptions('Telnyx');

/** Telnyx error codes that say more than the HTTP status (vendors.md §3.1 and §9). */
const BY_CODE: CodeTable = {
  '10002': InvalidRecipient, // invalid phone number
  '10016': InvalidRecipient, // not in +E.164 format
  '40012': InvalidRecipient, // invalid destination number
  '40001': InvalidRecipient, // not routable (landline)
  '40300': OptedOut, // blocked due to STOP message
  '10009': VendorConfig, // authentication failed
  '10010': VendorConfig, // authorization failed
  '40013': VendorConfig, // invalid source number
  '10011': RateLimited, // too many requests
  '10007': Transient, // unexpected error
  '40006': Transient, // recipient unavailable
};

/** Maps a non-2xx Telnyx answer by its first error code, else by status; `detail` is not kept. */
export function telnyxError(response: VendorResponse): ProviderError {
  const body = parseJson(response.body) as TelnyxErrorBody | undefined;
  const raw = body?.errors?.[0]?.code;
  const vendorCode = raw === undefined ? undefined : String(raw);
  const code = lookupCode(BY_CODE, vendorCode) ?? classifyStatus(response.status);
  return httpFailure(response, code, DESCRIPTION[code], vendorCode);
}
