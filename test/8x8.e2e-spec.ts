import {
  EIGHT_BY_EIGHT_API_KEY,
  EIGHT_BY_EIGHT_WEBHOOK_AUTH,
  eightByEightProvider,
  eightByEightSessionSummary,
  eightByEightSmsError,
  eightByEightSmsReceipt,
  eightByEightVoiceError,
  FakeEightByEight,
} from './support/fakes/8x8.fake';
import { hookRequest } from './support/okta';
import { describeVendor } from './support/vendor-contract';
import { receiptLog } from './support/vendor-e2e';

const UMID = '9e09ac86-bd74-5465-851d-1eb5a5fdbb9a';
const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

describeVendor(
  {
    vendor: '8x8',
    ids: ['eight-a', 'eight-b'],
    start: () => FakeEightByEight.start(),
    provider: (fake, role) =>
      eightByEightProvider(fake, {
        timeoutMs: 1000,
        voiceProfiles: { 'en-US': 'en-US-Jenny', 'de-DE': 'de-DE-Katja' },
        ...(role === 'primary' ? { callbackAuthorization: EIGHT_BY_EIGHT_WEBHOOK_AUTH } : {}),
      }),
    gateway: { publicUrl: true },
    sms: {
      sent: (fake) => fake.json(),
      expected: {
        destination: '+14155552671',
        text: 'Acme code: 480213',
        source: 'Acme',
        clientMessageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        encoding: 'AUTO',
      },
      transactionId: id(1),
    },
    voice: {
      locale: 'de-DE',
      sent: (fake) => fake.json(),
      expected: {
        callflow: [
          { action: 'makeCall', params: { source: '+14155550100', destination: '+14155552671' } },
          {
            action: 'say',
            params: {
              text: 'Ihr Bestätigungscode lautet 4, 8, 2, 1.',
              voiceProfile: 'de-DE-Katja',
              repetition: 2,
              speed: 1,
            },
          },
          { action: 'hangup' },
        ],
      },
      transactionId: id(1),
    },
    notFailedOver: [
      [
        '8x8 refuses the number (1002)',
        () => eightByEightSmsError(400, 1002, 'Invalid MSISDN'),
        'invalid-recipient',
        '8x8 rejected the recipient (HTTP 400, code 1002)',
      ],
    ],
    failedOver: [
      ['a 500', () => eightByEightSmsError(500, 2000), 'transient'],
      ['a 429', () => eightByEightSmsError(429, 1400), 'rate-limited'],
      ['an unknown subaccount', () => eightByEightSmsError(400, 1001), 'vendor-config'],
      [
        'a caller id the account may not use',
        () => eightByEightVoiceError(400, -1014, 'Source or caller ID is not allowed'),
        'vendor-config',
        { channel: 'CALL' },
      ],
    ],
    withoutVendorId: [
      [
        'an SMS 8x8 queued without a umid',
        () => ({
          status: 200,
          body: {
            status: { code: 'QUEUED', description: 'SMS is accepted and queued for processing' },
          },
        }),
        '8x8 answered without a umid',
      ],
      [
        'a callflow 8x8 created without a sessionId',
        () => ({
          status: 200,
          body: { sessionStatus: 'CREATED', statusCode: 1, statusMessage: 'Created' },
        }),
        '8x8 answered without a sessionId',
        { hook: { deliveryChannel: 'voice call' } },
      ],
      [
        'a callflow 200 whose body is not JSON',
        () => ({ status: 200, body: 'OK' }),
        '8x8 answered without a sessionId',
        { hook: { deliveryChannel: 'voice call' } },
      ],
    ],
    receipts: {
      signed: (callback) => eightByEightSmsReceipt(callback('eight-a'), UMID, 'delivered'),
      transactionId: UMID,
      logged: {
        status: 'delivered',
        vendorStatus: 'delivered',
        occurredAt: '2026-11-22T12:35:01.000Z',
      },
      refused: [
        [
          'another Authorization value',
          (callback) =>
            eightByEightSmsReceipt(callback('eight-a'), 'u-forged', 'delivered', 'Bearer guess'),
        ],
        [
          'the right value, for the provider that configured none',
          (callback) => eightByEightSmsReceipt(callback('eight-b'), 'u-b', 'delivered'),
        ],
      ],
    },
    secrets: [EIGHT_BY_EIGHT_API_KEY, EIGHT_BY_EIGHT_WEBHOOK_AUTH],
  },
  (eight) => {
    it('should record the session summary of a call that nobody answered', async () => {
      const session = '47f19e66-2163-11ee-8ccd-27b543a164ea';
      const summary = eightByEightSessionSummary(
        `${eight.gateway.url}/callbacks/eight-a/status`,
        session,
        'NO_ANSWER',
      );

      await eight.gateway
        .http()
        .post('/callbacks/eight-a/status')
        .set(summary.headers ?? {})
        .send(summary.body as object)
        .expect(200);

      expect(receiptLog(eight.gateway, session)).toMatchObject({
        provider: 'eight-a',
        status: 'undelivered',
        vendorStatus: 'NO_ANSWER',
      });
    });

    it('should not fail over an SMS 8x8 accepted but marked REJECTED for its destination', async () => {
      eight.primary.script(() => ({
        status: 200,
        body: {
          umid: UMID,
          destination: '14155552671',
          encoding: 'GSM7',
          status: { code: 'REJECTED', description: 'Invalid MSISDN' },
        },
      }));

      const res = await eight.gateway.hook(hookRequest()).expect(200);

      expect(eight.backup.requests).toHaveLength(0);
      expect(res.body.error.errorCauses[0].reason).toMatch(
        /^invalid-recipient after \d+ ms: 8x8 rejected the recipient \(REJECTED\)$/,
      );
    });
  },
);
