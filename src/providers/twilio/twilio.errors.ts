import { classifyStatus, httpFailure, parseJson } from '../kit/http/classify-status';
import { CodeTable, lookupCode } from '../kit/http/code-table';
import { failureDescriptions } from '../kit/http/describe-failure';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { own } from '../kit/webhooks/callback-params';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { TwilioErrorBody } from './twilio.types';

const { InvalidRecipient, OptedOut, VendorConfig, RateLimited } = ProviderErrorCode;

/** Twilio error codes that say more than the HTTP status (vendors.md §1.3 and §9). */
const BY_CODE: CodeTable = {
  21211: InvalidRecipient, // invalid 'To' number
  21614: InvalidRecipient, // 'To' is not a mobile number
  21635: InvalidRecipient, // 'To' cannot be a landline
  13224: InvalidRecipient, // voice: number invalid or not supported
  21610: OptedOut, // recipient replied STOP
  21408: VendorConfig, // geo permission for the region not enabled
  21215: VendorConfig, // geo permission for the call
  21612: VendorConfig, // cannot route To/From combination
  21606: VendorConfig, // 'From' is not a message-capable Twilio number
  21659: VendorConfig, // 'From' is not a Twilio number
  21608: VendorConfig, // trial account, unverified 'To'
  20003: VendorConfig, // authentication failed
  20404: VendorConfig, // account or resource not found
  10001: VendorConfig, // account not active
  20005: VendorConfig, // account suspended
  20429: RateLimited, // too many requests
  // Verify (mode: verify)
  60200: VendorConfig, // invalid parameter
  60205: InvalidRecipient, // SMS to a landline
  60605: VendorConfig, // geo permission for the destination not enabled on the Service
  60203: InvalidRecipient, // max send attempts for this number: Verify's limit, not dodged elsewhere
  60410: InvalidRecipient, // Fraud Guard blocked the prefix: a fraud block must not be retried elsewhere
};

/** Our words for the Verify refusals that are about the number but say more than "rejected". */
const VERIFY_DESCRIPTION: Readonly<Record<string, string>> = {
  60203: 'Twilio Verify refused more codes for this number (max send attempts)',
  60410: 'Twilio Verify blocked this number (Fraud Guard)',
};

const DESCRIPTION = failureDescriptions('Twilio');

/** Maps a non-2xx Twilio answer to our error classes; Twilio's own message is not kept (it may quote the number). */
export function twilioError(response: VendorResponse): ProviderError {
  const body = parseJson(response.body) as TwilioErrorBody | undefined;
  const vendorCode = typeof body?.code === 'number' ? body.code : undefined;
  const code = lookupCode(BY_CODE, vendorCode?.toString()) ?? classifyStatus(response.status);
  const key = vendorCode?.toString();
  const description = (key && own(VERIFY_DESCRIPTION, key)) || DESCRIPTION[code];
  return httpFailure(response, code, description, key);
}
