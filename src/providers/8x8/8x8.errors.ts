import { classifyStatus, httpFailure, parseJson } from '../kit/http/classify-status';
import { CodeTable, lookupCode } from '../kit/http/code-table';
import { failureDescriptions } from '../kit/http/describe-failure';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { EightByEightCallflowResponse, EightByEightErrorBody } from './8x8.types';

const { InvalidRecipient, VendorConfig, RateLimited, Transient } = ProviderErrorCode;

/** SMS API codes that say more than the HTTP status (8x8 "API Error codes"). */
const SMS_BY_CODE: CodeTable = {
  1002: InvalidRecipient, // invalid MSISDN
  3003: InvalidRecipient, // invalid MSISDN
  1001: VendorConfig, // illegal subaccount id
  1005: VendorConfig, // invalid source
  1200: VendorConfig, // unauthorized
  1201: VendorConfig, // access forbidden
  1100: RateLimited, // bulk limit reached
  1400: RateLimited, // resending interval violation
  2000: Transient, // internal error
};

/** Callflow status codes that say more than the HTTP status (8x8 "Voice Status Codes"). */
const VOICE_BY_CODE: CodeTable = {
  '-1017': InvalidRecipient, // invalid MSISDN format in destination
  '-1011': InvalidRecipient, // several destination numbers found
  '-1014': VendorConfig, // source or caller id not allowed
  '-1002': VendorConfig, // speech profile or language invalid
};

const DESCRIPTION = failureDescriptions('8x8');

/** Maps a non-2xx SMS API answer (`{code, message, errorId, timestamp}`); `message` is not kept. */
export function eightByEightSmsError(response: VendorResponse): ProviderError {
  const body = parseJson(response.body) as EightByEightErrorBody | undefined;
  return classified(response, SMS_BY_CODE, body?.code);
}

/** Maps a callflow answer that created no session (`NOT_CREATED`, `statusCode`, `statusMessage`). */
export function eightByEightVoiceError(response: VendorResponse): ProviderError {
  const body = parseJson(response.body) as EightByEightCallflowResponse | undefined;
  return classified(response, VOICE_BY_CODE, body?.statusCode);
}

/**
 * An SMS the API answered `REJECTED`: 8x8 gives only a description there, read (never kept)
 * for a destination that is no number; anything else is this account's problem.
 */
export function eightByEightRejected(description: unknown): ProviderError {
  const invalid =
    typeof description === 'string' && /invalid (msisdn|destination|phone)/i.test(description);
  const code = invalid ? InvalidRecipient : VendorConfig;
  return new ProviderError(code, `${DESCRIPTION[code]} (REJECTED)`);
}

function classified(response: VendorResponse, table: CodeTable, raw: unknown): ProviderError {
  const vendorCode = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : undefined;
  // A 2xx carrying a final code classifies as a 4xx does: this account's or request's problem.
  const code = lookupCode(table, vendorCode) ?? classifyStatus(response.status);
  return httpFailure(response, code, DESCRIPTION[code], vendorCode);
}
