import { ApiErrorCause } from '../common/api-error';
import {
  Fields,
  optionalObject,
  optionalString,
  requiredObject,
  requiredString,
  stringOrNumber,
  Problems,
} from '../common/body-checks';

/**
 * `data.messageProfile` (okta-contract.md §1.6–1.7). `phoneNumber` and `otpCode` arrive as
 * strings or numbers; `deliveryChannel` in any spelling (SMS, voice call, CALL, Voice).
 */
export interface MessageProfileDto {
  readonly phoneNumber: string | number;
  readonly otpCode: string | number;
  readonly deliveryChannel: string;
  readonly msgTemplate?: string;
  readonly locale?: string;
  readonly otpExpires?: string;
  /** Before March 2022 Okta sent the request type here. */
  readonly eventAction?: string;
}

export interface UserProfileDto {
  readonly userId?: string;
  readonly login?: string;
  readonly firstName?: string;
  readonly lastName?: string;
}

export interface TelephonyDataDto {
  readonly messageProfile: MessageProfileDto;
  readonly userProfile?: UserProfileDto;
  readonly context?: { readonly request?: { readonly id?: string; readonly ipAddress?: string } };
}

/**
 * The telephony inline hook request (okta-contract.md §1). Only what delivery needs is
 * required; fields Okta may add later are kept and ignored, never rejected.
 */
export interface TelephonyHookRequestDto {
  readonly eventId?: string;
  readonly requestType?: string;
  readonly data: TelephonyDataDto;
}

const CODE = /^[0-9A-Za-z]+$/;

/**
 * Every problem of `body` as an Okta hook request, one per field (its path and the rule, never
 * its value); empty when it is one. A plain function rather than class-validator decorators:
 * this runs on every OTP, and the decorators' transform and metadata look-ups cost a tenth of
 * the gateway's CPU per request in the benchmark (docs/performance.md).
 */
export function telephonyHookProblems(body: unknown): ApiErrorCause[] {
  const problems: Problems = [];
  const root = requiredObject(problems, body, 'body');
  if (!root) return problems;
  optionalString(problems, root, 'eventId', '', 128);
  optionalString(problems, root, 'requestType', '');
  const data = requiredObject(problems, root.data, 'data');
  if (!data) return problems;
  const message = requiredObject(problems, data.messageProfile, 'data.messageProfile');
  if (message) checkMessageProfile(problems, message);
  const user = optionalObject(problems, data, 'userProfile', 'data');
  if (user) {
    for (const key of ['userId', 'login', 'firstName', 'lastName']) {
      optionalString(problems, user, key, 'data.userProfile');
    }
  }
  const context = optionalObject(problems, data, 'context', 'data');
  const request = context && optionalObject(problems, context, 'request', 'data.context');
  if (request) {
    optionalString(problems, request, 'id', 'data.context.request');
    optionalString(problems, request, 'ipAddress', 'data.context.request');
  }
  return problems;
}

function checkMessageProfile(problems: Problems, message: Fields): void {
  const at = 'data.messageProfile';
  stringOrNumber(problems, message, 'phoneNumber', at, 32);
  stringOrNumber(problems, message, 'otpCode', at, 32, CODE);
  requiredString(problems, message, 'deliveryChannel', at, 32);
  optionalString(problems, message, 'msgTemplate', at, 2000);
  optionalString(problems, message, 'locale', at, 35);
  optionalString(problems, message, 'otpExpires', at);
  optionalString(problems, message, 'eventAction', at);
}
