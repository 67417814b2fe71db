import { phoneTag } from '../phone/phone-tag';
import { Channel } from '../providers/channel';
import { OktaPhone } from './okta-phone';

/**
 * What the delivery flow keeps about each delivery so that Okta's events can find it: never
 * the number, only its shape (calling code, length, last two digits, as in the masked record)
 * and a short per-user tag (phone/phone-tag.ts).
 */
export interface IndexedDelivery {
  readonly deliveryId: string;
  /** When the hook request arrived (ISO 8601). */
  readonly at: string;
  readonly channel: Channel;
  readonly outcome: 'sent' | 'failed' | 'blocked';
  readonly country?: string;
  readonly phone?: PhoneFingerprint;
  /** The provider that sent it and its vendor id, for a vendor that wants to hear it was verified. */
  readonly sentBy?: { readonly providerId: string; readonly transactionId: string };
}

export interface PhoneFingerprint {
  readonly callingCode: string;
  /** Digits after `+`. */
  readonly digits: number;
  readonly tail: string;
  readonly tag: string;
}

/**
 * The number an event names, as matching needs it: a full number only as its per-user tag
 * (so the facts can be kept while an event waits for its delivery), a masked one as Okta wrote it.
 */
export type EventPhone =
  | { readonly kind: 'tagged'; readonly tag: string; readonly digits: number }
  | Extract<OktaPhone, { kind: 'masked' }>;

/** What an Okta event says about the delivery it is about. */
export interface EventFacts {
  readonly userId?: string;
  readonly channel: Channel;
  readonly publishedMs: number;
  readonly phone?: EventPhone;
}

/** The event's number for matching; a full number without a user cannot be tagged, so it is dropped. */
export function toEventPhone(
  phone: OktaPhone | undefined,
  userId?: string,
): EventPhone | undefined {
  if (phone?.kind !== 'full') return phone;
  if (!userId) return undefined;
  return { kind: 'tagged', tag: phoneTag(userId, phone.e164), digits: phone.e164.length - 1 };
}

/**
 * The user's delivery this event is about: same channel, a compatible number, within
 * `windowMs` of the event, the nearest in time winning (so a resend and its event pair up).
 * A full number must match the tag; a masked one must agree on length, calling code, last two
 * digits and every other digit Okta revealed that the fingerprint knows.
 */
export function matchDelivery(
  facts: EventFacts,
  candidates: readonly IndexedDelivery[],
  windowMs: number,
): IndexedDelivery | undefined {
  let best: IndexedDelivery | undefined;
  let bestGap = Infinity;
  for (const candidate of candidates) {
    const gap = Math.abs(Date.parse(candidate.at) - facts.publishedMs);
    if (candidate.channel !== facts.channel || !(gap <= windowMs) || gap >= bestGap) continue;
    if (!samePhone(facts, candidate.phone)) continue;
    best = candidate;
    bestGap = gap;
  }
  return best;
}

function samePhone(facts: EventFacts, fingerprint: PhoneFingerprint | undefined): boolean {
  const phone = facts.phone;
  if (!phone) return true;
  if (!fingerprint) return false;
  if (phone.kind === 'tagged')
    return phone.tag === fingerprint.tag && phone.digits === fingerprint.digits;
  if (phone.pattern.length !== fingerprint.digits) return false;
  if (phone.callingCode && phone.callingCode !== fingerprint.callingCode) return false;
  const { callingCode, tail, digits } = fingerprint;
  const hidden = Math.max(0, digits - callingCode.length - tail.length);
  const known = callingCode + '?'.repeat(hidden) + tail;
  return [...phone.pattern].every((c, i) => c === '?' || known[i] === '?' || c === known[i]);
}
