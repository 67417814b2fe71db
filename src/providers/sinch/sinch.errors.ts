import { failureDescriptions } from '../kit/http/describe-failure';
import { classifyStatus, httpFailure, parseJson } from '../kit/http/classify-status';
import { CodeTable, lookupCode } from '../kit/http/code-table';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { SinchSmsErrorBody, SinchVoiceErrorBody } from './sinch.types';

const { InvalidRecipient, VendorConfig } = ProviderErrorCode;

/** SMS REST error codes that say more than the HTTP status (vendors.md §5.1 and §9). */
const SMS_BY_CODE: CodeTable = {
  syntax_invalid_parameter_format: InvalidRecipient, // the MSISDN is not a number
  syntax_invalid_json: VendorConfig,
  syntax_constraint_violation: VendorConfig,
  blocked_account: VendorConfig,
  illegal_number_type: VendorConfig,
  missing_callback_url: VendorConfig,
};

const DESCRIPTION = failureDescriptions('Sinch');

/** Maps a non-2xx SMS REST answer (`{code,text}`; 401 has no body) to our error classes. */
export function sinchSmsError(response: VendorResponse): ProviderError {
  const body = parseJson(response.body) as SinchSmsErrorBody | undefined;
  const vendorCode = typeof body?.code === 'string' ? body.code : undefined;
  const code = lookupCode(SMS_BY_CODE, vendorCode) ?? classifyStatus(response.status);
  return httpFailure(response, code, DESCRIPTION[code], vendorCode);
}

/**
 * Maps a non-2xx Voice answer (`{status,errorCode,message,reference}`). Its codes repeat the
 * HTTP status (40001 parameter validation, 40400 not found...), so the status classifies.
 */
export function sinchVoiceError(response: VendorResponse): ProviderError {
  const body = parseJson(response.body) as SinchVoiceErrorBody | undefined;
  const errorCode = body?.errorCode;
  const vendorCode =
    typeof errorCode === 'string' || typeof errorCode === 'number' ? String(errorCode) : undefined;
  const code = classifyStatus(response.status);
  return httpFailure(response, code, DESCRIPTION[code], vendorCode);
}
