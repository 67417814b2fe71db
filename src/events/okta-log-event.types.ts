/**
 * Okta event hook wire types (okta-contract.md §4.2). Only `uuid` and `eventType` are checked
 * at the door; everything else is read defensively, since Okta documents debug data as "not a
 * data contract".
 */
export interface OktaEventHookDelivery {
  readonly eventType?: string;
  readonly eventTypeVersion?: string;
  readonly cloudEventsVersion?: string;
  /** `https://{yourOktaDomain}/api/v1/eventHooks/{id}`. */
  readonly source?: string;
  /** Id of this delivery (one POST); per-event ids are the events' `uuid`. */
  readonly eventId?: string;
  readonly eventTime?: string;
  readonly contentType?: string;
  readonly data: { readonly events: readonly OktaLogEvent[] };
}

/** A System Log `LogEvent`. */
export interface OktaLogEvent {
  readonly uuid: string;
  readonly eventType: string;
  readonly published?: unknown;
  readonly version?: unknown;
  readonly displayMessage?: unknown;
  readonly actor?: unknown;
  readonly target?: unknown;
  readonly outcome?: unknown;
  readonly debugContext?: unknown;
  readonly [field: string]: unknown;
}

/** An actor or target: `{id, type, alternateId, displayName, detailEntry}`. */
export interface OktaResource {
  readonly id: string | null;
  readonly alternateId: string | null;
  readonly displayName: string | null;
  readonly type: string | null;
}

/** Phone verification sends: SMS, and its voice twin (both event-hook eligible, §4.6). */
export const PHONE_VERIFICATION_EVENTS = {
  'system.sms.send_phone_verification_message': 'sms',
  'system.voice.send_phone_verification_call': 'voice',
} as const;

/**
 * Events that say a person proved they received a code: a sign-in with an MFA factor, and the
 * activation of a factor at enrollment. Whether the factor was a phone one is read from the
 * event (see mfa-verification.ts).
 */
export const FACTOR_VERIFICATION_EVENTS = [
  'user.authentication.auth_via_mfa',
  'user.mfa.factor.activate',
] as const;
