import { normalizePhoneNumber } from '../phone/phone-number';
import { Channel } from '../providers/channel';
import { asObject, debugText, debugValue, isTrue, maskPhones } from './debug-data';
import { EventFacts, toEventPhone } from './delivery-matcher';
import { OktaEventHookDelivery, OktaLogEvent, OktaResource } from './okta-log-event.types';
import { maskOktaPhone, OktaPhone, readOktaPhone } from './okta-phone';
import { oktaUserOf, targetsOfType, text, toResource } from './okta-resources';
import { PhoneVerificationEvent, PhoneVerificationSummary } from './phone-verification-event';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Request headers kept with each event. Okta sends its authentication header and any static
 * headers the admin configured (which may be secrets too), so only these are kept.
 */
const KEPT_HEADERS = ['accept', 'content-type', 'user-agent', 'x-request-id'];

/** The record to keep, and what correlation needs (the number only as a tag, never in full). */
export interface NormalizedPhoneVerification {
  readonly event: PhoneVerificationEvent;
  readonly facts: EventFacts;
}

/** Both event shapes (okta-contract.md §4.6): Classic `MobilePhone` target, or OIE debug data. */
export function normalizePhoneVerification(
  delivery: Omit<OktaEventHookDelivery, 'data'>,
  event: OktaLogEvent,
  channel: Channel,
  headers: Headers,
): NormalizedPhoneVerification {
  const debugData = asObject(asObject(event.debugContext).debugData);
  const [mobilePhone] = targetsOfType(event.target, 'MobilePhone');
  const callingCode = debugText(debugData, 'countryCallingCode');
  const phone = mobilePhone
    ? readOktaPhone(toResource(mobilePhone).alternateId ?? toResource(mobilePhone).displayName)
    : readOktaPhone(debugValue(debugData, 'phoneNumber'), callingCode ?? undefined);
  const oktaUser = oktaUserOf(event);
  const published = text(event.published);
  const record: PhoneVerificationEvent = {
    dateAndTime: published,
    message: text(event.displayMessage),
    eventId: delivery.eventId ?? null,
    eventType: event.eventType,
    eventTime: delivery.eventTime ?? null,
    version: text(event.version),
    actor: toResource(event.actor),
    oktaUser,
    phone: mobilePhone ? (maskPhones(toResource(mobilePhone)) as OktaResource) : oieDevice(phone),
    uuid: event.uuid,
    eventDetails: maskPhones(event) as Record<string, unknown>,
    headers: keptHeaders(headers),
    source: delivery.source ?? null,
    debugContext: { debugData: maskPhones(debugData) as Record<string, unknown> },
    summary: summarize(event, channel, debugData, phone, mobilePhone !== undefined),
  };
  const publishedMs = Date.parse(published ?? '');
  const facts: EventFacts = {
    userId: oktaUser.id ?? undefined,
    channel,
    publishedMs: Number.isNaN(publishedMs) ? Date.now() : publishedMs,
    phone: toEventPhone(phone, oktaUser.id ?? undefined),
  };
  return { event: record, facts };
}

function summarize(
  event: OktaLogEvent,
  channel: Channel,
  debugData: Readonly<Record<string, unknown>>,
  phone: OktaPhone | undefined,
  classic: boolean,
): PhoneVerificationSummary {
  const outcome = asObject(event.outcome);
  const result = text(outcome.result);
  const iso2 = debugText(debugData, 'countryCodeIso2')?.toUpperCase();
  const fromNumber =
    phone?.kind === 'full' ? normalizePhoneNumber(phone.e164, 'US')?.country : undefined;
  return {
    channel,
    engine: classic ? 'classic' : 'identity-engine',
    result,
    reason: text(outcome.reason),
    deniedByOkta: result === 'DENY',
    oktaFallback: isTrue(
      debugValue(debugData, 'isSmsHookFailover', 'isVoiceHookFailover', 'isHookFailover'),
    ),
    oktaProvider: debugText(debugData, 'smsProvider', 'smsTelephonyProvider', 'voiceProvider'),
    transactionId: debugText(debugData, 'transactionId'),
    countryCallingCode: debugText(debugData, 'countryCallingCode'),
    country: (iso2 && /^[A-Z]{2}$/.test(iso2) ? iso2 : fromNumber) ?? null,
  };
}

/** Identity Engine names no device: the card's Phone carries the masked number only. */
function oieDevice(phone: OktaPhone | undefined): OktaResource {
  return {
    id: null,
    alternateId: phone ? maskOktaPhone(phone) : null,
    displayName: null,
    type: null,
  };
}

function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}
