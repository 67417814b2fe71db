import { classifyStatus, httpFailure, parseJson } from '../kit/http/classify-status';
import { CodeTable, lookupCode } from '../kit/http/code-table';
import { failureDescriptions } from '../kit/http/describe-failure';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { InfobipStatus, InfobipV2Error, InfobipV3Error } from './infobip.types';

const { InvalidRecipient, RateLimited, Transient, VendorConfig } = ProviderErrorCode;
const DESCRIPTION = failureDescriptions('Infobip');

/** A v3 violation on a destination's `to`: the number itself was refused. */
const RECIPIENT_PROPERTY = /destinations\[\d+\]\.to$/;

/**
 * Maps a non-2xx SMS v3 answer (`{errorCode,violations...}`): E400 on a destination number is
 * invalid-recipient, other 4xx vendor-config, 429 rate-limited, 5xx transient.
 */
export function infobipSmsError(response: VendorResponse): ProviderError {
  const body = parseJson(response.body) as InfobipV3Error | undefined;
  const vendorCode = typeof body?.errorCode === 'string' ? body.errorCode : undefined;
  const onRecipient = (body?.violations ?? []).some(
    (v) => typeof v?.property === 'string' && RECIPIENT_PROPERTY.test(v.property),
  );
  const code =
    response.status === 400 && onRecipient ? InvalidRecipient : classifyStatus(response.status);
  return httpFailure(response, code, DESCRIPTION[code], vendorCode);
}

/** v2 `serviceException.messageId`s of the voice API (vendors.md §6.3). */
const V2_BY_ID: CodeTable = {
  BAD_REQUEST: VendorConfig,
  UNAUTHORIZED: VendorConfig,
  FORBIDDEN: VendorConfig,
  TOO_MANY_REQUESTS: RateLimited,
  GENERAL_ERROR: Transient,
};

/** Maps a non-2xx voice answer (`{requestError:{serviceException:{messageId,text}}}`). */
export function infobipVoiceError(response: VendorResponse): ProviderError {
  const body = parseJson(response.body) as InfobipV2Error | undefined;
  const id = body?.requestError?.serviceException?.messageId;
  const vendorCode = typeof id === 'string' ? id : undefined;
  const code = lookupCode(V2_BY_ID, vendorCode) ?? classifyStatus(response.status);
  return httpFailure(response, code, DESCRIPTION[code], vendorCode);
}

/** Status names of a refusal inside a 200 that say more than their group (vendors.md §6.4). */
const REJECTED_BY_NAME: CodeTable = {
  REJECTED_PREFIX_MISSING: InvalidRecipient, // no known network for the number
  REJECTED_NOT_ENOUGH_CREDITS: VendorConfig,
  REJECTED_SENDER: VendorConfig,
  REJECTED_DESTINATION: VendorConfig, // destination blocked for this account
  REJECTED_NETWORK: VendorConfig, // network not covered by this account
};

/**
 * The error for a message Infobip answered 200 but did not accept (group REJECTED,
 * UNDELIVERABLE or EXPIRED); undefined when it is on its way.
 */
export function infobipRefusal(
  response: VendorResponse,
  status: InfobipStatus | undefined,
): ProviderError | undefined {
  const group = status?.groupName;
  if (group !== 'REJECTED' && group !== 'UNDELIVERABLE' && group !== 'EXPIRED') return undefined;
  const name = typeof status?.name === 'string' ? status.name : group;
  const code =
    group === 'REJECTED' ? (lookupCode(REJECTED_BY_NAME, name) ?? VendorConfig) : Transient;
  return httpFailure(response, code, DESCRIPTION[code], name);
}
