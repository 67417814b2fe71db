import {
  FakeInfobip,
  INFOBIP_API_KEY,
  INFOBIP_CALLBACK_TOKEN,
  infobipRejected,
  infobipSmsReport,
  infobipV2Error,
  infobipV3Error,
  reportProblems,
} from './support/fakes/infobip.fake';
import { hasVendorSpec } from './support/openapi';
import { hookRequest } from './support/okta';
import { CallbackUrl, describeVendor, PUBLIC_URL } from './support/vendor-contract';
import { receiptLines, receiptLog } from './support/vendor-e2e';

const NOTIFY_PATH = `/callbacks/ib-a/status?token=${INFOBIP_CALLBACK_TOKEN}`;
const NOTIFY_URL = `${PUBLIC_URL}${NOTIFY_PATH}`;
/** A 200 whose one message is pending, without its messageId. */
const pendingWithoutId = () => ({
  status: 200,
  body: {
    messages: [{ status: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED' } }],
  },
});
const sentence = 'Votre code de vérification est 4, 8, 2, 1.';
/** A delivery report to `providerId`'s notify URL, with `query` (the token) after it. */
const report = (callback: CallbackUrl, messageId: string, query: string, providerId = 'ib-a') => ({
  url: `${callback(providerId)}${query}`,
  body: infobipSmsReport(messageId, 'DELIVERED', 'DELIVERED_TO_HANDSET'),
  transactionId: messageId,
});

if (!hasVendorSpec('infobip/infobip-sms-openapi.json')) {
  console.warn(
    '../shared/vendor-specs/infobip is missing: requests are checked without the OpenAPI descriptions',
  );
}

describeVendor(
  {
    vendor: 'Infobip',
    ids: ['ib-a', 'ib-b'],
    start: () => FakeInfobip.start(),
    provider: (fake, role) => ({
      type: 'infobip',
      baseUrl: fake.url,
      apiKey: INFOBIP_API_KEY,
      from: 'Acme',
      voiceFrom: '12025550100',
      timeoutMs: 1000,
      ...(role === 'primary' ? { callbackToken: INFOBIP_CALLBACK_TOKEN } : {}),
    }),
    gateway: { publicUrl: true },
    sms: {
      sent: (fake) => fake.json(),
      expected: {
        messages: [
          {
            sender: 'Acme',
            destinations: [{ to: '14155552671' }],
            content: { text: 'Acme code: 480213' },
            webhooks: {
              delivery: { url: NOTIFY_URL },
              contentType: 'application/json',
              callbackData: expect.stringMatching(/^[0-9a-f-]{36}$/),
            },
          },
        ],
      },
      transactionId: 'ib-0001',
    },
    voice: {
      locale: 'fr-CA',
      channel: 'CALL',
      sent: (fake) => fake.json(),
      expected: {
        messages: [
          {
            from: '12025550100',
            destinations: [{ to: '14155552671' }],
            text: `${sentence},, ${sentence}`,
            language: 'fr-ca',
            notifyUrl: NOTIFY_URL,
            notifyContentType: 'application/json',
            callbackData: expect.stringMatching(/^[0-9a-f-]{36}$/),
          },
        ],
      },
      transactionId: 'ib-0001',
    },
    notFailedOver: [
      [
        'Infobip refuses the destination number',
        () =>
          infobipV3Error(400, 'E400', [
            { property: 'messages[0].destinations[0].to', violation: 'invalid' },
          ]),
        'invalid-recipient',
        'Infobip rejected the recipient (HTTP 400, code E400)',
      ],
    ],
    failedOver: [
      [
        'an SMS 500',
        () => infobipV3Error(500, 'E500'),
        'transient',
        { detail: '(HTTP 500, code E500)' },
      ],
      [
        'a REJECTED status inside a 200',
        () => infobipRejected('REJECTED_NOT_ENOUGH_CREDITS'),
        'vendor-config',
        { detail: '(HTTP 200, code REJECTED_NOT_ENOUGH_CREDITS)' },
      ],
      [
        'a voice 429',
        () => infobipV2Error(429, 'TOO_MANY_REQUESTS'),
        'rate-limited',
        { channel: 'CALL', detail: '(HTTP 429, code TOO_MANY_REQUESTS)' },
      ],
    ],
    withoutVendorId: [
      [
        'an SMS Infobip took without a messageId',
        pendingWithoutId,
        'Infobip answered without a messageId',
      ],
      [
        'a call Infobip took without a messageId',
        pendingWithoutId,
        'Infobip answered without a messageId',
        { hook: { deliveryChannel: 'voice call' } },
      ],
    ],
    receipts: {
      signed: (callback) => ({
        url: `${callback('ib-a')}?token=${INFOBIP_CALLBACK_TOKEN}`,
        body: infobipSmsReport('ib-0042', 'UNDELIVERABLE', 'UNDELIVERABLE_NOT_DELIVERED', true),
      }),
      transactionId: 'ib-0042',
      logged: {
        status: 'failed',
        vendorStatus: 'UNDELIVERABLE_NOT_DELIVERED',
        errorCode: 'EC_ABSENT_SUBSCRIBER',
        occurredAt: '2026-11-22T16:00:04.000+0000',
      },
      refused: [
        [
          'a wrong token',
          (callback) => report(callback, 'ib-FORGED', '?token=guessed-token-0123456789'),
        ],
        ['no token', (callback) => report(callback, 'ib-FORGED', '')],
        [
          'a token, for the provider without one',
          (callback) => report(callback, 'ib-FORGED', `?token=${INFOBIP_CALLBACK_TOKEN}`, 'ib-b'),
        ],
      ],
    },
    secrets: [INFOBIP_API_KEY, INFOBIP_CALLBACK_TOKEN],
  },
  (infobip) => {
    it('should apply a delivery report that carries the token to the message it names', async () => {
      const sent = await infobip.gateway.hook(hookRequest()).expect(200);
      const messageId = sent.body.commands[0].value[0].transactionId as string;
      const report = infobipSmsReport(
        messageId,
        'UNDELIVERABLE',
        'UNDELIVERABLE_NOT_DELIVERED',
        true,
      );

      await infobip.gateway.http().post(NOTIFY_PATH).send(report).expect(200);

      expect(receiptLog(infobip.gateway, messageId)).toMatchObject({
        provider: 'ib-a',
        status: 'failed',
        vendorStatus: 'UNDELIVERABLE_NOT_DELIVERED',
        errorCode: 'EC_ABSENT_SUBSCRIBER',
        occurredAt: '2026-11-22T16:00:04.000+0000',
        result: 'applied',
      });
    });

    it('should not log a report’s id that looks like a phone number, for a message it never sent', async () => {
      const report = infobipSmsReport(
        '+14155550123',
        'UNDELIVERABLE',
        'UNDELIVERABLE_NOT_DELIVERED',
      );

      await infobip.gateway.http().post(NOTIFY_PATH).send(report).expect(200);

      const lines = receiptLines(infobip.gateway);
      expect(lines.at(-1)).toMatchObject({
        provider: 'ib-a',
        status: 'undelivered',
        result: 'unknown',
      });
      expect(lines.at(-1)).not.toHaveProperty('transactionId');
      expect(JSON.stringify(infobip.gateway.logs.entries())).not.toContain('4155550123');
    });

    it('should use a test receipt the official webhook description accepts', () => {
      const report = infobipSmsReport(
        'ib-0042',
        'UNDELIVERABLE',
        'UNDELIVERABLE_NOT_DELIVERED',
        true,
      );

      expect(reportProblems(report, 'sms')).toEqual([]);
    });
  },
);
