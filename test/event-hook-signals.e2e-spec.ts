import { eventually } from './support/eventually';
import { eventHookTestbed } from './support/event-hook';
import { twilioError } from './support/fakes/twilio.fake';
import { metric } from './support/metrics';
import { hookRequest } from './support/okta';
import {
  authViaMfaEvent,
  classicSmsEvent,
  eventHookDelivery,
  oieSmsEvent,
  user,
} from './support/okta-events';

describe('Okta event hook: fallbacks, denials and verifications (e2e)', () => {
  const bed = eventHookTestbed();

  it("should show Okta's own fallback send beside the bed.gateway's failed delivery, and count fallbacks and denials", async () => {
    const carl = user('00uCARL');
    bed.twilio.script(() => twilioError(500, 20500));
    await bed.gateway
      .hook(hookRequest({ userId: carl.id, phoneNumber: '+14155550199' }))
      .expect(200);
    const failed = bed.gateway.logs
      .entries()
      .find((e) => e.msg === 'delivery failed' && e.to === '+1********99');
    const fallback = oieSmsEvent(carl, '+14155550199', {
      isSmsHookFailover: 'true',
      smsProvider: 'TELESIGN',
      countryCodeIso2: 'US',
    });
    const denied = classicSmsEvent(
      user('00uDENY'),
      '+2207001234',
      {},
      { outcome: { result: 'DENY', reason: 'Telephony rate limit' } },
    );

    await bed.okta.postEvents(eventHookDelivery([fallback, denied])).expect(200);

    const found = await bed.okta.withEvents(failed?.deliveryId as string, 1);
    expect(found.status).toBe('failed');
    expect(found.history[0].event).toMatchObject({
      phone: { alternateId: '+1********99' },
      summary: { oktaFallback: true, oktaProvider: 'TELESIGN', country: 'US', result: 'SUCCESS' },
    });
    expect(
      await metric(bed.gateway, 'otg_okta_fallbacks_total', { channel: 'sms', country: 'US' }),
    ).toBe(1);
    await eventually(
      () => metric(bed.gateway, 'otg_okta_denied_total', { channel: 'sms', country: 'GM' }),
      (n) => n === 1,
    );
  });

  it('should count phone verifications against the country of the code they follow', async () => {
    const vera = user('00uVERA');
    const labels = { channel: 'sms', country: 'DE' };
    const sent = await metric(bed.gateway, 'otg_otp_sent_total', labels);
    await bed.okta.deliver(hookRequest({ userId: vera.id, phoneNumber: '+4915123456789' }));

    await bed.okta
      .postEvents(
        eventHookDelivery([
          authViaMfaEvent(vera, 'SMS_FACTOR'),
          authViaMfaEvent(vera, 'OKTA_VERIFY_PUSH'),
        ]),
      )
      .expect(200);

    expect(
      await eventually(
        () => metric(bed.gateway, 'otg_otp_verified_total', labels),
        (n) => n === 1,
      ),
    ).toBe(1);
    expect(await metric(bed.gateway, 'otg_otp_sent_total', labels)).toBe(sent + 1);
    expect(
      await metric(bed.gateway, 'otg_okta_events_total', {
        event_type: 'user.authentication.auth_via_mfa',
      }),
    ).toBe(2);
  });
});
