import { phoneTag } from '../phone/phone-tag';
import { normalizePhoneVerification } from './phone-verification.normalizer';
import { OktaLogEvent } from './okta-log-event.types';

const DELIVERY = {
  eventId: 'b1f0c7e6-delivery',
  eventTime: '2026-11-22T10:00:09.000Z',
  source: 'https://example.okta.com/api/v1/eventHooks/who1',
};
const HEADERS = {
  authorization: 'event-hook-secret',
  'x-static-secret': 'configured-in-okta',
  'content-type': 'application/json',
  accept: 'application/json',
  'user-agent': 'Okta Event Hooks',
};
const USER = { id: '00uANN', type: 'User', alternateId: 'ann@example.com', displayName: 'Ann Lee' };

const classic = (debugData: Record<string, unknown>, result = 'SUCCESS'): OktaLogEvent => ({
  uuid: 'u-classic',
  published: '2026-11-22T10:00:02.000Z',
  eventType: 'system.sms.send_phone_verification_message',
  version: '0',
  displayMessage: 'Send phone verification SMS message',
  actor: { ...USER, detailEntry: null },
  outcome: { result, reason: null },
  target: [
    { ...USER, detailEntry: null },
    { id: 'mbl1', type: 'MobilePhone', alternateId: '+14155552671', displayName: '+14155552671' },
  ],
  debugContext: { debugData },
});

const oie = (debugData: Record<string, unknown>): OktaLogEvent => ({
  uuid: 'u-oie',
  published: '2026-11-22T10:00:03.000Z',
  eventType: 'system.voice.send_phone_verification_call',
  version: '0',
  displayMessage: 'Send phone verification voice call',
  actor: USER,
  outcome: { result: 'SUCCESS' },
  target: [USER],
  debugContext: { debugData },
});

describe(normalizePhoneVerification.name, () => {
  it('should give the card fields of a Classic event, the phone being its MobilePhone target', () => {
    const debugData = {
      requestUri: '/api/v1/users/00uANN/factors/sms1/verify',
      smsProvider: 'TELESIGN',
      transactionId: 'tx-1',
    };
    const event = classic(debugData);

    const { event: sut, facts } = normalizePhoneVerification(DELIVERY, event, 'sms', HEADERS);

    expect(sut).toEqual({
      dateAndTime: '2026-11-22T10:00:02.000Z',
      message: 'Send phone verification SMS message',
      eventId: 'b1f0c7e6-delivery',
      eventType: 'system.sms.send_phone_verification_message',
      eventTime: '2026-11-22T10:00:09.000Z',
      version: '0',
      actor: { id: '00uANN', alternateId: 'ann@example.com', displayName: 'Ann Lee', type: 'User' },
      oktaUser: {
        id: '00uANN',
        alternateId: 'ann@example.com',
        displayName: 'Ann Lee',
        type: 'User',
      },
      phone: {
        id: 'mbl1',
        alternateId: '+1********71',
        displayName: '+1********71',
        type: 'MobilePhone',
      },
      uuid: 'u-classic',
      eventDetails: {
        ...event,
        target: [
          { ...USER, detailEntry: null },
          {
            id: 'mbl1',
            type: 'MobilePhone',
            alternateId: '+1********71',
            displayName: '+1********71',
          },
        ],
      },
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': 'Okta Event Hooks',
      },
      source: 'https://example.okta.com/api/v1/eventHooks/who1',
      debugContext: { debugData },
      summary: {
        channel: 'sms',
        engine: 'classic',
        result: 'SUCCESS',
        reason: null,
        deniedByOkta: false,
        oktaFallback: false,
        oktaProvider: 'TELESIGN',
        transactionId: 'tx-1',
        countryCallingCode: null,
        country: 'US',
      },
    });
    expect(facts).toEqual({
      userId: '00uANN',
      channel: 'sms',
      publishedMs: Date.parse('2026-11-22T10:00:02.000Z'),
      phone: { kind: 'tagged', tag: phoneTag('00uANN', '+14155552671'), digits: 11 },
    });
  });

  it('should read an Identity Engine event, whose number, calling code and provider are in the debug data', () => {
    const event = oie({
      phoneNumber: '+14xxxxxxxxx',
      countryCallingCode: '1',
      smsProvider: 'TWILIO',
    });

    const { event: sut, facts } = normalizePhoneVerification(DELIVERY, event, 'voice', HEADERS);

    expect(sut.phone).toEqual({
      id: null,
      alternateId: '+1**********',
      displayName: null,
      type: null,
    });
    expect(sut.oktaUser).toEqual({
      id: '00uANN',
      alternateId: 'ann@example.com',
      displayName: 'Ann Lee',
      type: 'User',
    });
    expect(sut.debugContext.debugData).toEqual({
      phoneNumber: '+1**********',
      countryCallingCode: '1',
      smsProvider: 'TWILIO',
    });
    expect(sut.summary).toEqual({
      channel: 'voice',
      engine: 'identity-engine',
      result: 'SUCCESS',
      reason: null,
      deniedByOkta: false,
      oktaFallback: false,
      oktaProvider: 'TWILIO',
      transactionId: null,
      countryCallingCode: '1',
      country: null,
    });
    expect(facts.phone).toEqual({ kind: 'masked', pattern: '14?????????', callingCode: '1' });
    expect(JSON.stringify(sut)).not.toContain('configured-in-okta');
    expect(JSON.stringify(sut)).not.toContain('event-hook-secret');
  });

  it('should flag a send Okta denied', () => {
    const { event: sut } = normalizePhoneVerification(DELIVERY, classic({}, 'DENY'), 'sms', {});

    expect(sut.summary).toMatchObject({ result: 'DENY', deniedByOkta: true, oktaFallback: false });
  });

  it.each([
    ['camelCase, as a string', { isSmsHookFailover: 'true', smsTelephonyProvider: 'VONAGE' }],
    ['snake_case, as a boolean', { is_sms_hook_failover: true, sms_telephony_provider: 'VONAGE' }],
  ])('should flag a send Okta made with its own providers (%s)', (_name, debugData) => {
    const { event: sut } = normalizePhoneVerification(DELIVERY, oie(debugData), 'sms', {});

    expect(sut.summary).toMatchObject({ oktaFallback: true, oktaProvider: 'VONAGE' });
  });

  it('should take the country from countryCodeIso2 and survive an event with nothing in it', () => {
    const bare: OktaLogEvent = {
      uuid: 'u-bare',
      eventType: 'system.sms.send_phone_verification_message',
      debugContext: { debugData: { country_code_iso2: 'gb' } },
    };

    const { event: sut, facts } = normalizePhoneVerification({}, bare, 'sms', {});

    expect(sut).toMatchObject({
      dateAndTime: null,
      eventId: null,
      actor: { id: null, alternateId: null, displayName: null, type: null },
      oktaUser: { id: null, alternateId: null, displayName: null, type: null },
      phone: { id: null, alternateId: null, displayName: null, type: null },
      summary: { engine: 'identity-engine', country: 'GB', result: null },
    });
    expect(facts.userId).toBeUndefined();
  });
});
