import {
  FakeSinch,
  SINCH_APP_SECRET,
  SINCH_CALLBACK_SECRET,
  SINCH_TOKEN,
  sinchDeliveryReport,
  sinchProvider,
  sinchSmsError,
  sinchVoiceError,
} from './support/fakes/sinch.fake';
import { hookRequest } from './support/okta';
import { CallbackUrl, describeVendor, PUBLIC_URL } from './support/vendor-contract';
import { receiptLog } from './support/vendor-e2e';

const sentence = 'Su código de verificación es 4, 8, 2, 1.';
/** A delivery report for `batchId`, signed with `secret`, to `providerId`'s callback. */
const report = (
  callback: CallbackUrl,
  batchId: string,
  secret?: string,
  providerId = 'sinch-a',
) => {
  const signed = sinchDeliveryReport(batchId, 'Delivered', secret);
  return { url: callback(providerId), ...signed, transactionId: batchId };
};

describeVendor(
  {
    vendor: 'Sinch',
    ids: ['sinch-a', 'sinch-b'],
    start: () => FakeSinch.start(),
    provider: (fake, role) =>
      sinchProvider(fake, {
        timeoutMs: 1000,
        ...(role === 'primary' ? { callbackSecret: SINCH_CALLBACK_SECRET } : {}),
      }),
    gateway: { publicUrl: true },
    sms: {
      sent: (fake) => fake.json(),
      expected: {
        from: '+12025550100',
        to: ['+14155552671'],
        body: 'Acme code: 480213',
        client_reference: expect.stringMatching(/^[0-9a-f-]{36}$/),
        delivery_report: 'per_recipient',
        callback_url: `${PUBLIC_URL}/callbacks/sinch-a/status`,
      },
      transactionId: '01HF0000000000000000000001',
    },
    voice: {
      locale: 'es-ES',
      sent: (fake) => fake.json(),
      expected: {
        method: 'ttsCallout',
        ttsCallout: {
          cli: '+12025550100',
          destination: { type: 'number', endpoint: '+14155552671' },
          domain: 'pstn',
          locale: 'es-ES',
          text: `${sentence} ${sentence}`,
        },
      },
      transactionId: expect.stringMatching(/^call-01HF/),
    },
    notFailedOver: [
      [
        'Sinch refuses the number',
        () => sinchSmsError(400, 'syntax_invalid_parameter_format'),
        'invalid-recipient',
        'Sinch rejected the recipient (HTTP 400, code syntax_invalid_parameter_format)',
      ],
    ],
    failedOver: [
      ['an SMS 503', () => sinchSmsError(503, 'service_unavailable'), 'transient'],
      ['an SMS 429', () => sinchSmsError(429, 'too_many_requests'), 'rate-limited'],
      ['a voice 500', () => sinchVoiceError(500, '50000'), 'transient', { channel: 'CALL' }],
    ],
    withoutVendorId: [
      [
        'an SMS batch Sinch took without its id',
        () => ({ status: 201, body: { type: 'mt_text' } }),
        'Sinch answered without a batch id',
      ],
      [
        'a callout Sinch took without its callId',
        () => ({ status: 200, body: {} }),
        'Sinch answered without a callId',
        { hook: { deliveryChannel: 'voice call' } },
      ],
    ],
    receipts: {
      signed: (callback) => report(callback, '01HF0000000000000000000009'),
      transactionId: '01HF0000000000000000000009',
      logged: {
        status: 'delivered',
        vendorStatus: 'Delivered',
        occurredAt: '2026-11-22T12:35:01.000Z',
      },
      refused: [
        ['a forged signature', (callback) => report(callback, '01HF-FORGED', 'guessed-secret')],
        [
          'a signature, for the provider that asked for none',
          (callback) => report(callback, '01HF-B', undefined, 'sinch-b'),
        ],
      ],
    },
    secrets: [SINCH_TOKEN, SINCH_APP_SECRET, SINCH_CALLBACK_SECRET],
  },
  (sinch) => {
    it('should apply a signed delivery report to the batch it names', async () => {
      const sent = await sinch.gateway.hook(hookRequest()).expect(200);
      const batchId = sent.body.commands[0].value[0].transactionId as string;
      const { body, headers } = sinchDeliveryReport(batchId, 'Delivered');

      await sinch.gateway
        .http()
        .post('/callbacks/sinch-a/status')
        .set(headers)
        .send(body)
        .expect(200);

      expect(receiptLog(sinch.gateway, batchId)).toMatchObject({
        provider: 'sinch-a',
        status: 'delivered',
        vendorStatus: 'Delivered',
        occurredAt: '2026-11-22T12:35:01.000Z',
        result: 'applied',
      });
    });
  },
);
