import { phoneTag } from '../phone/phone-tag';
import { EventFacts, IndexedDelivery, matchDelivery, toEventPhone } from './delivery-matcher';
import { readOktaPhone } from './okta-phone';

const USER = '00uANN';
const NUMBER = '+14155552671';
const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const WINDOW = 300_000;

const delivery = (id: string, secondsAfter: number, extra: Partial<IndexedDelivery> = {}) => ({
  deliveryId: id,
  at: new Date(T0 + secondsAfter * 1000).toISOString(),
  channel: 'sms' as const,
  outcome: 'sent' as const,
  country: 'US',
  phone: { callingCode: '1', digits: 11, tail: '71', tag: phoneTag(USER, NUMBER) },
  ...extra,
});
const facts = (
  phone: string | undefined,
  extra: Partial<EventFacts> = {},
  userId = USER,
): EventFacts => ({
  userId,
  channel: 'sms',
  publishedMs: T0 + 2000,
  phone: toEventPhone(readOktaPhone(phone), userId),
  ...extra,
});

describe(toEventPhone.name, () => {
  it('should keep a full number only as its tag, and only for a known user', () => {
    expect(toEventPhone(readOktaPhone(NUMBER), USER)).toEqual({
      kind: 'tagged',
      tag: phoneTag(USER, NUMBER),
      digits: 11,
    });
    expect(toEventPhone(readOktaPhone(NUMBER))).toBeUndefined();
    expect(toEventPhone(readOktaPhone('+14xxxxxxxxx'))).toEqual(readOktaPhone('+14xxxxxxxxx'));
  });
});

describe(matchDelivery.name, () => {
  it('should match the full number through the per-user tag', () => {
    const candidates = [delivery('d-1', 0)];

    expect(matchDelivery(facts(NUMBER), candidates, WINDOW)?.deliveryId).toBe('d-1');
    expect(matchDelivery(facts('+14155552672'), candidates, WINDOW)).toBeUndefined();
    expect(matchDelivery(facts(NUMBER, {}, '00uBOB'), candidates, WINDOW)).toBeUndefined();
  });

  it('should match a masked number on length, calling code and the digits both sides know', () => {
    const candidates = [delivery('d-1', 0)];

    expect(matchDelivery(facts('+14xxxxxxxxx'), candidates, WINDOW)?.deliveryId).toBe('d-1');
    expect(matchDelivery(facts('+1xxxxxxxx71'), candidates, WINDOW)?.deliveryId).toBe('d-1');
    expect(matchDelivery(facts('+1xxxxxxxx72'), candidates, WINDOW)).toBeUndefined();
    expect(matchDelivery(facts('+44xxxxxxxxx'), candidates, WINDOW)).toBeUndefined();
    expect(matchDelivery(facts('+14xxxxxxxx'), candidates, WINDOW)).toBeUndefined();
  });

  it('should match on user, channel and time alone when the event names no number', () => {
    expect(matchDelivery(facts(undefined), [delivery('d-1', 0)], WINDOW)?.deliveryId).toBe('d-1');
  });

  it('should pick the delivery nearest in time, within the window and on the same channel', () => {
    const candidates = [
      delivery('early', -200),
      delivery('voice', 1, { channel: 'voice' }),
      delivery('resend', 30),
      delivery('close', 5),
      delivery('outside', 400),
    ];

    expect(matchDelivery(facts(NUMBER), candidates, WINDOW)?.deliveryId).toBe('close');
    expect(
      matchDelivery(facts(NUMBER, { publishedMs: T0 + 31_000 }), candidates, WINDOW)?.deliveryId,
    ).toBe('resend');
    expect(matchDelivery(facts(NUMBER, { channel: 'voice' }), candidates, WINDOW)?.deliveryId).toBe(
      'voice',
    );
    expect(matchDelivery(facts(NUMBER, { publishedMs: T0 + 900_000 }), candidates, WINDOW)).toBe(
      undefined,
    );
  });

  it('should not match a number to a delivery that kept no fingerprint', () => {
    expect(
      matchDelivery(facts(NUMBER), [delivery('d-1', 0, { phone: undefined })], WINDOW),
    ).toBeUndefined();
  });
});
