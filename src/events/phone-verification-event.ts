import { Channel } from '../providers/channel';
import { OktaResource } from './okta-log-event.types';

/**
 * A `system.sms.send_phone_verification_message` or `system.voice.send_phone_verification_call`
 * event with exactly the fields of the Okta Workflows card "Phone Verification SMS Sent" (and
 * "... Call Sent"), plus a `summary` of what the gateway read from it. Phone numbers are masked
 * everywhere; `null` where Okta sent nothing.
 */
export interface PhoneVerificationEvent {
  /** Date and Time: when Okta logged the send (`published`). */
  readonly dateAndTime: string | null;
  /** Message: `displayMessage`. */
  readonly message: string | null;
  /** Event ID: the id of the event hook delivery that carried the event (`eventId`). */
  readonly eventId: string | null;
  readonly eventType: string;
  /** Event Time: when Okta sent that delivery (`eventTime`). */
  readonly eventTime: string | null;
  /** Version: the LogEvent `version`. */
  readonly version: string | null;
  /** Who triggered the send. */
  readonly actor: OktaResource;
  /** Okta User: the user receiving the code (target `User`). */
  readonly oktaUser: OktaResource;
  /**
   * Phone: the device receiving it. Classic: the `MobilePhone` target. Identity Engine has no
   * such target; `alternateId` then holds the (masked) number from the debug data.
   */
  readonly phone: OktaResource;
  /** UUID: the event's own id, unique per event (deduplication key). */
  readonly uuid: string;
  /** Event Details: the LogEvent as Okta sent it, phone numbers masked. */
  readonly eventDetails: Readonly<Record<string, unknown>>;
  /** Headers of the delivery: an allow-list only, never the authentication header. */
  readonly headers: Readonly<Record<string, string>>;
  /** Source: the event hook that sent it (`source`). */
  readonly source: string | null;
  /** Debug Context: Okta's debug data (provider, transaction id, URI...), phone numbers masked. */
  readonly debugContext: { readonly debugData: Readonly<Record<string, unknown>> };
  readonly summary: PhoneVerificationSummary;
}

/** What the gateway reads from the event. */
export interface PhoneVerificationSummary {
  readonly channel: Channel;
  /** `classic` when the phone is a `MobilePhone` target, else `identity-engine` (okta-contract.md §4.6). */
  readonly engine: 'classic' | 'identity-engine';
  /** `outcome.result`; `DENY` means Okta blocked the send (rate limit, toll-fraud rules). */
  readonly result: string | null;
  readonly reason: string | null;
  readonly deniedByOkta: boolean;
  /** Okta sent the code through its own providers instead of this hook (`isSmsHookFailover`). */
  readonly oktaFallback: boolean;
  /** The provider Okta names (`smsProvider`, `smsTelephonyProvider`). */
  readonly oktaProvider: string | null;
  /** Okta's `transactionId` debug value. */
  readonly transactionId: string | null;
  readonly countryCallingCode: string | null;
  /** ISO 3166 alpha-2, from Okta's `countryCodeIso2` or the number itself. */
  readonly country: string | null;
}
