import { CodeTable, lookupCode } from '../kit/http/code-table';
import { failureDescriptions } from '../kit/http/describe-failure';
import { classifyStatus, httpFailure, parseJson } from '../kit/http/classify-status';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { VonageProblem } from './vonage.types';

const { Transient, RateLimited, VendorConfig, InvalidRecipient } = ProviderErrorCode;
const DESCRIPTION = failureDescriptions('Vonage');

/** SMS API `messages[].status` codes (sms.yml `x-errors`, vendors.md §2.1 and §9). */
const BY_SMS_STATUS: CodeTable = {
  '1': RateLimited, // throttled
  '2': VendorConfig, // missing parameters
  '3': VendorConfig, // invalid parameters
  '4': VendorConfig, // invalid credentials
  '5': Transient, // internal error
  '6': InvalidRecipient, // invalid message: unrecognised number prefix
  '7': InvalidRecipient, // number barred: permanent
  '8': VendorConfig, // partner account barred
  '9': VendorConfig, // partner quota violation: no credit
  '10': Transient, // too many existing binds
  '11': VendorConfig, // account not enabled for HTTP
  '12': VendorConfig, // message too long
  '14': VendorConfig, // invalid signature
  '15': VendorConfig, // invalid sender address
  '22': VendorConfig, // invalid network code
  '23': VendorConfig, // invalid callback URL
  '29': VendorConfig, // non-whitelisted destination (demo account)
  '32': VendorConfig, // signature and API secret both given
  '33': InvalidRecipient, // number de-activated
};

/** Messages API codes, the fragment of the problem `type` (vendors.md §2.2). */
const BY_API_CODE: CodeTable = {
  '1000': RateLimited, // throttled
  '1030': Transient, // internal error
  '1040': InvalidRecipient, // invalid message: unrecognised prefix
  '1050': InvalidRecipient, // number barred
  '1060': VendorConfig, // account barred
  '1070': VendorConfig, // quota or credit exceeded
  '1080': VendorConfig, // not enabled for REST
  '1100': Transient, // communication failed
  '1120': VendorConfig, // illegal sender address
};

/** An SMS API part whose status is not "0"; its `error-text` is not kept (it may quote the number). */
export function vonageSmsError(status: string | undefined): ProviderError {
  const code = lookupCode(BY_SMS_STATUS, status) ?? VendorConfig;
  const suffix = status === undefined ? 'no status' : `status ${status}`;
  return new ProviderError(code, `${DESCRIPTION[code]} (${suffix})`, { vendorCode: status });
}

/** A non-2xx answer of the SMS, Messages or Voice API: the problem code when known, else the status. */
export function vonageHttpError(response: VendorResponse): ProviderError {
  const problem = parseJson(response.body) as VonageProblem | undefined;
  const vendorCode = problemCode(problem?.type);
  const code = lookupCode(BY_API_CODE, vendorCode) ?? classifyStatus(response.status);
  return httpFailure(response, code, DESCRIPTION[code], vendorCode);
}

/** The Vonage error code of a problem: the fragment of its `type` URL (`…/messages#1120`). */
export function problemCode(type: unknown): string | undefined {
  return typeof type === 'string' ? /#(\d+)$/.exec(type)?.[1] : undefined;
}
