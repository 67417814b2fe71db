import { randomBytes, randomInt } from 'node:crypto';
import { Channel } from '../providers/channel';

/** The phone number of Okta's own example request (okta-contract.md §1.8): not a valid number. */
export const OKTA_EXAMPLE_PHONE = '9876543210';

const PREVIEW_PATH = '/api/internal/v1/inlineHooks/com.okta.telephony.provider/generatePreview';
const OTP_LIFETIME_MS = 5 * 60_000;

export interface TelephonyRequestOptions {
  readonly phoneNumber: string;
  readonly channel: Channel;
  /** Okta's Preview tab shape (okta-contract.md §1.8 A) rather than a sign-in's. */
  readonly preview: boolean;
  /** `https://{org}/api/v1/inlineHooks/{id}`, when known. */
  readonly source?: string;
  readonly now?: Date;
}

/** One Okta telephony hook request, with the fresh values that must never be printed. */
export interface TelephonyRequest {
  readonly body: Record<string, unknown>;
  readonly eventId: string;
  readonly code: string;
}

/**
 * A request in the shape Okta documents for `com.okta.telephony.provider` (schema
 * `TelephonyRequestExecute`): a fresh `eventId` (so the gateway does not answer from its
 * idempotency store) and a random six-digit code. A sign-in sends `requestType`
 * mfa-verification from the Identity Engine challenge; the Preview tab sends pre-enrollment from
 * its generatePreview URL, with Okta's test user and its `(HOOK)` template.
 */
export function telephonyRequest(options: TelephonyRequestOptions): TelephonyRequest {
  const now = options.now ?? new Date();
  const eventId = randomBytes(16).toString('base64url');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const body = {
    eventId,
    eventTime: now.toISOString(),
    eventType: 'com.okta.telephony.provider',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: options.source ?? 'https://otg.invalid/api/v1/inlineHooks/otg-cli',
    requestType: options.preview
      ? 'com.okta.user.telephony.pre-enrollment'
      : 'com.okta.user.telephony.mfa-verification',
    data: {
      context: { request: requestContext(options.preview) },
      userProfile: options.preview ? PREVIEW_USER : CLI_USER,
      messageProfile: messageProfile(options, code, now),
    },
  };
  return { body, eventId, code };
}

function messageProfile(
  options: TelephonyRequestOptions,
  code: string,
  now: Date,
): Record<string, string> {
  const sms = options.channel === 'sms';
  return {
    ...(sms ? { msgTemplate: `${options.preview ? '(HOOK)' : ''}Your code is ${code}` } : {}),
    phoneNumber: options.phoneNumber,
    otpExpires: new Date(now.getTime() + OTP_LIFETIME_MS).toISOString(),
    // Okta's spellings: `SMS` always; `voice call` in its reference, `Voice` from the Preview tab.
    deliveryChannel: sms ? 'SMS' : options.preview ? 'Voice' : 'voice call',
    otpCode: code,
    locale: 'EN-US',
  };
}

const PREVIEW_USER = {
  firstName: 'test',
  lastName: 'user',
  login: 'test.user@okta.com',
  userId: '00uyxxSknGtK8022w0g3',
};
/** The person `otg send` stands for: one user id, so the gateway's per-user limits see one user. */
const CLI_USER = {
  firstName: 'otg',
  lastName: 'send',
  login: 'otg.send@otg.invalid',
  userId: '00uotgsend0000000000',
};

function requestContext(preview: boolean): Record<string, unknown> {
  return {
    id: `req${randomBytes(16).toString('base64url').slice(0, 22)}`,
    method: 'POST',
    url: { value: preview ? PREVIEW_PATH : '/idp/idx/challenge' },
    ipAddress: '127.0.0.1',
  };
}
