import { eventually } from './support/eventually';
import { OktaAndSupport } from './support/event-hook';
import {
  FakeTwilioVerify,
  twilioVerifyProvider,
  VERIFY_SERVICE_SID,
} from './support/fakes/twilio-verify.fake';
import { TWILIO_TOKEN, twilioError } from './support/fakes/twilio.fake';
import { hookRequest } from './support/okta';
import {
  authViaMfaEvent,
  classicSmsEvent,
  EVENT_HOOK_SECRET,
  eventHookDelivery,
  Json,
  user,
} from './support/okta-events';
import { describeVendor } from './support/vendor-contract';

const VE = /^VE[0-9a-f]{32}$/;

describeVendor(
  {
    vendor: 'Twilio Verify',
    says: 'Twilio',
    ids: ['verify-a', 'verify-b'],
    start: () => FakeTwilioVerify.start(),
    provider: (fake) => twilioVerifyProvider(fake, { timeoutMs: 1000 }),
    gateway: {
      sections: {
        events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] } },
      },
    },
    sms: {
      sent: (fake) => ({ path: fake.requests[0].url, form: fake.form() }),
      expected: {
        path: `/v2/Services/${VERIFY_SERVICE_SID}/Verifications`,
        form: { To: '+14155552671', Channel: 'sms', CustomCode: '480213', Locale: 'en' },
      },
      transactionId: expect.stringMatching(VE),
    },
    voice: {
      locale: 'pt-BR',
      sent: (fake) => fake.form(),
      expected: { To: '+14155552671', Channel: 'call', CustomCode: '4821', Locale: 'pt-BR' },
      transactionId: expect.stringMatching(VE),
    },
    notFailedOver: [
      [
        'Fraud Guard blocks the number (60410)',
        () => twilioError(403, 60410),
        'invalid-recipient',
        'Twilio Verify blocked this number (Fraud Guard) (HTTP 403, code 60410)',
      ],
      [
        'Verify refuses more codes for the number (60203)',
        () => twilioError(429, 60203),
        'invalid-recipient',
        'Twilio Verify refused more codes for this number (max send attempts) (HTTP 429, code 60203)',
      ],
    ],
    failedOver: [
      ['a 500', () => twilioError(500, 20500), 'transient'],
      ['a 429', () => twilioError(429, 20429), 'rate-limited'],
      [
        'a geo permission the Service lacks (60605)',
        () => twilioError(403, 60605),
        'vendor-config',
      ],
      ['an invalid parameter (60200)', () => twilioError(400, 60200), 'vendor-config'],
    ],
    withoutVendorId: [
      [
        'an SMS verification Verify created without a sid',
        () => ({ status: 201, body: { status: 'pending', channel: 'sms' } }),
        'Twilio Verify answered without a sid',
      ],
      [
        'a call verification Verify created without a sid',
        () => ({ status: 201, body: { status: 'pending', channel: 'call' } }),
        'Twilio Verify answered without a sid',
        { hook: { deliveryChannel: 'voice call' } },
      ],
    ],
    secrets: [TWILIO_TOKEN],
  },
  (verify) => {
    const okta = () => new OktaAndSupport(verify.gateway);
    const approvals = () => [...verify.primary.updates.entries()];
    /**
     * Posts Okta's events in one delivery, then a phone-verification event after them: events of
     * one delivery are processed in order, so once that last one is logged the others are done.
     */
    const postAndSettle = async (events: Json[]) => {
      const sentinel = classicSmsEvent(user('00uSENTINEL'), '+14155550123');
      await okta()
        .postEvents(eventHookDelivery([...events, sentinel]))
        .expect(200);
      await eventually(
        () => verify.gateway.logs.entries().filter((e) => e.uuid === sentinel.uuid),
        (lines) => lines.length > 0,
      );
    };

    it('should report the code approved to Verify once Okta says the person verified it, and only once', async () => {
      const vera = user('00uVERIFY1');
      const sid = await okta().deliver(
        hookRequest({ userId: vera.id, phoneNumber: '+4915123456789' }),
      );

      await postAndSettle([
        authViaMfaEvent(vera, 'SMS_FACTOR'),
        authViaMfaEvent(vera, 'SMS_FACTOR'),
      ]);

      expect(sid).toMatch(VE);
      expect(approvals()).toEqual([[sid, ['approved']]]);
      expect(verify.primary.requests.map((r) => r.url)).toEqual([
        `/v2/Services/${VERIFY_SERVICE_SID}/Verifications`,
        `/v2/Services/${VERIFY_SERVICE_SID}/Verifications/${sid}`,
      ]);
      const reported = verify.gateway.logs
        .entries()
        .filter((e) => e.msg === 'verification reported to vendor');
      expect(reported).toEqual([
        expect.objectContaining({ provider: 'verify-a', deliveryId: expect.any(String) }),
      ]);
    });

    it('should leave a delivery Okta never reports verified to expire at Verify', async () => {
      const otto = user('00uVERIFY2');
      await okta().deliver(hookRequest({ userId: otto.id }));

      await postAndSettle([
        authViaMfaEvent(otto, 'OKTA_VERIFY_PUSH'),
        authViaMfaEvent(otto, 'SMS_FACTOR', 'FAILURE'),
      ]);

      expect(verify.primary.requests).toHaveLength(1);
      expect(approvals()).toEqual([]);
    });

    it('should not ask Verify to approve a verification it created without a sid', async () => {
      const wes = user('00uVERIFY4');
      const from = verify.gateway.logs.lines.length;
      verify.primary.script((_request, operation) =>
        operation === 'create' ? { status: 201, body: { status: 'pending' } } : undefined,
      );
      const transactionId = await okta().deliver(hookRequest({ userId: wes.id }));

      await postAndSettle([authViaMfaEvent(wes, 'SMS_FACTOR')]);

      expect(transactionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(verify.primary.requests).toHaveLength(1);
      expect(approvals()).toEqual([]);
      const reports = verify.gateway.logs
        .entries()
        .slice(from)
        .filter((e) => /verification.*vendor/.test(String(e.msg)));
      expect(reports).toEqual([]);
    });

    it('should log, and not retry, a report Verify refuses', async () => {
      const ada = user('00uVERIFY3');
      await okta().deliver(hookRequest({ userId: ada.id }));
      verify.primary.script((_request, operation) =>
        operation === 'update' ? twilioError(404, 20404) : undefined,
      );

      await postAndSettle([authViaMfaEvent(ada, 'SMS_FACTOR')]);

      const refused = verify.gateway.logs
        .entries()
        .filter((e) => e.msg === 'verification not reported to vendor');
      expect(refused).toEqual([
        expect.objectContaining({
          provider: 'verify-a',
          outcome: 'vendor-config',
          httpStatus: 404,
          vendorCode: '20404',
        }),
      ]);
      expect(verify.primary.requests).toHaveLength(2);
    });
  },
);
