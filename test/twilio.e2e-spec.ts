import {
  FakeTwilio,
  TWILIO_TOKEN,
  twilioError,
  twilioMessageStatus,
  twilioProvider,
  twilioStatusCallback,
} from './support/fakes/twilio.fake';
import { FAILOVER_DEADLINE_MS } from './support/vendor-e2e';
import { hasVendorSpec } from './support/openapi';
import { hookRequest } from './support/okta';
import { CallbackUrl, describeVendor, PUBLIC_URL } from './support/vendor-contract';

const say = '<Say voice="alice" language="de-DE">Ihr Bestätigungscode lautet 4, 8, 2, 1.</Say>';
const status = (callback: CallbackUrl, sid: string, token?: string) => {
  const url = callback('twilio-a');
  return {
    url,
    ...twilioStatusCallback(url, twilioMessageStatus(sid, 'delivered'), token),
    transactionId: sid,
  };
};

if (!hasVendorSpec('twilio/twilio_api_v2010.json')) {
  console.warn(
    '../shared/vendor-specs/twilio is missing: requests are checked without the OpenAPI description',
  );
}

describeVendor(
  {
    vendor: 'Twilio',
    ids: ['twilio-a', 'twilio-b'],
    start: () => FakeTwilio.start(),
    provider: (fake, role) => twilioProvider(fake, { timeoutMs: role === 'primary' ? 1000 : 600 }),
    gateway: { publicUrl: true },
    sms: {
      sent: (fake) => fake.form(),
      expected: {
        To: '+14155552671',
        From: '+15005550006',
        Body: 'Acme code: 480213',
        StatusCallback: `${PUBLIC_URL}/callbacks/twilio-a/status`,
      },
      transactionId: 'SM00000000000000000000000000000001',
    },
    voice: {
      locale: 'de-DE',
      sent: (fake) => fake.form(),
      expected: {
        To: '+14155552671',
        From: '+15005550006',
        Twiml: `<Response>${say}<Pause length="1"/>${say}</Response>`,
        StatusCallback: `${PUBLIC_URL}/callbacks/twilio-a/status`,
        StatusCallbackEvent: 'completed',
      },
      transactionId: expect.stringMatching(/^CA/),
    },
    resent: (primary) => ({
      ...primary.form(),
      StatusCallback: `${PUBLIC_URL}/callbacks/twilio-b/status`,
    }),
    notFailedOver: [
      [
        'the number is invalid (21211)',
        () => twilioError(400, 21211),
        'invalid-recipient',
        'Twilio rejected the recipient (HTTP 400, code 21211)',
      ],
      [
        'the recipient opted out (21610)',
        () => twilioError(400, 21610),
        'opted-out',
        'recipient opted out at Twilio (HTTP 400, code 21610)',
      ],
    ],
    failedOver: [
      ['a 500', () => twilioError(500, 20500), 'transient'],
      [
        'a 429 (Retry-After opens the breaker: see circuit-breaker.e2e)',
        () => twilioError(429, 20429),
        'rate-limited',
      ],
      ['a geo-permission refusal', () => twilioError(400, 21408), 'vendor-config'],
      ['bad credentials', () => twilioError(401, 20003), 'vendor-config'],
    ],
    withoutVendorId: [
      [
        'an SMS Twilio took without a sid',
        () => ({ status: 201, body: { status: 'queued' } }),
        'Twilio answered without a sid',
      ],
      [
        'a call Twilio took without a sid',
        () => ({ status: 201, body: { status: 'queued' } }),
        'Twilio answered without a sid',
        { hook: { deliveryChannel: 'voice call' } },
      ],
    ],
    receipts: {
      signed: (callback) => status(callback, 'SM00000000000000000000000000000042'),
      transactionId: 'SM00000000000000000000000000000042',
      logged: { status: 'delivered', vendorStatus: 'delivered' },
      refused: [
        [
          'a signature by another token',
          (callback) => status(callback, 'SM-FORGED', 'not-the-token'),
        ],
        [
          'no signature',
          (callback) => ({
            ...status(callback, 'SM-UNSIGNED'),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
        ],
      ],
    },
    secrets: [TWILIO_TOKEN],
  },
  (twilio) => {
    it('should speak English when Twilio has no voice for the locale', async () => {
      await twilio.gateway
        .hook(hookRequest({ deliveryChannel: 'CALL', otpCode: '12', locale: 'xx-YY' }))
        .expect(200);

      expect(twilio.primary.form().Twiml).toContain(
        '<Say voice="alice" language="en-US">Your verification code is 1, 2.</Say>',
      );
    });

    it('should answer the error object before the deadline when every provider hangs', async () => {
      twilio.primary.script(() => 'hang');
      twilio.backup.script(() => 'hang');
      const started = Date.now();

      const res = await twilio.gateway.hook(hookRequest()).expect(200);

      expect(Date.now() - started).toBeLessThan(FAILOVER_DEADLINE_MS + 50);
      expect(res.body.error.errorSummary).toBe('Failed to deliver SMS OTP');
      const causes = res.body.error.errorCauses as { location: string; errorSummary: string }[];
      expect(causes.map((c) => c.location)).toEqual(['twilio-a', 'twilio-b', 'delivery']);
      // Each cause names its provider once: "twilio-b: timeout after 612 ms".
      expect(causes.map((c) => c.errorSummary)).toEqual([
        expect.stringMatching(/^twilio-a: timeout after \d+ ms$/),
        expect.stringMatching(/^twilio-b: timeout after \d+ ms$/),
        'delivery: every provider failed or was abandoned at its time limit',
      ]);
    });

    it('should send nothing for a number that cannot be a phone number', async () => {
      const res = await twilio.gateway.hook(hookRequest({ phoneNumber: '12' })).expect(200);

      expect(twilio.primary.requests).toHaveLength(0);
      expect(res.body.error.errorCauses).toEqual([
        expect.objectContaining({ location: 'delivery', reason: 'not a phone number' }),
      ]);
    });
  },
);
