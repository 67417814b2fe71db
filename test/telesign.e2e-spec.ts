import {
  FakeTelesign,
  TELESIGN_API_KEY,
  telesignCallback,
  telesignError,
  telesignProvider,
  telesignReferenceId,
} from './support/fakes/telesign.fake';
import { hookRequest } from './support/okta';
import { CallbackUrl, describeVendor, PUBLIC_URL } from './support/vendor-contract';
import { receiptLog } from './support/vendor-e2e';

const sentence = 'Su código de verificación es 4, 8, 2, 1.';
const REFERENCE = 'B56D6A2E4C0F4F3B9A1E2D3C4B5A6978';
const callback = (url: CallbackUrl, code = 200, key?: string, id = 'telesign-a') =>
  telesignCallback(url(id), REFERENCE, code, key);

describeVendor(
  {
    vendor: 'Telesign',
    ids: ['telesign-a', 'telesign-b'],
    start: () => FakeTelesign.start(),
    provider: (fake) => telesignProvider(fake, { timeoutMs: 1000 }),
    gateway: { publicUrl: true },
    sms: {
      sent: (fake) => fake.form(),
      expected: {
        phone_number: '14155552671',
        message: 'Acme code: 480213',
        message_type: 'OTP',
        external_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        callback_url: `${PUBLIC_URL}/callbacks/telesign-a/status`,
      },
      transactionId: telesignReferenceId(1),
    },
    voice: {
      locale: 'es-MX',
      sent: (fake) => fake.form(),
      expected: {
        phone_number: '14155552671',
        message: `${sentence}\n${sentence}`,
        message_type: 'OTP',
        voice: 'f-es-MX',
      },
      transactionId: telesignReferenceId(1),
    },
    notFailedOver: [
      [
        'Telesign refuses the number (11000)',
        () => telesignError(400, 11000, 'Invalid value for parameter phone_number.'),
        'invalid-recipient',
        'Telesign rejected the recipient (HTTP 400, code 11000)',
      ],
      [
        'the number is on Telesign’s global blocklist (10032)',
        () => telesignError(400, 10032),
        'invalid-recipient',
        'Telesign blocked this number (global blocklist) (HTTP 400, code 10032)',
      ],
    ],
    failedOver: [
      ['a 503', () => telesignError(503, 10000), 'transient'],
      ['a 429', () => telesignError(429, 10019, 'Rate Limit Exceeded'), 'rate-limited'],
      [
        'a trial account’s unverified number (10033)',
        () => telesignError(401, 10033),
        'vendor-config',
      ],
      ['bad credentials', () => telesignError(401, 10015), 'vendor-config'],
      ['a voice 500', () => telesignError(500, 10000), 'transient', { channel: 'CALL' }],
    ],
    withoutVendorId: [
      [
        'an SMS Telesign took without a reference_id',
        () => ({
          status: 200,
          body: { status: { code: 290, description: 'Message in progress' } },
        }),
        'Telesign answered without a reference_id',
      ],
      [
        'a call Telesign took without a reference_id',
        () => ({ status: 200, body: { status: { code: 103, description: 'Call in progress' } } }),
        'Telesign answered without a reference_id',
        { hook: { deliveryChannel: 'voice call' } },
      ],
      [
        'a 200 whose body is not JSON',
        () => ({ status: 200, body: 'OK' }),
        'Telesign answered without a reference_id',
      ],
    ],
    receipts: {
      signed: (url) => callback(url),
      transactionId: REFERENCE,
      logged: { status: 'delivered', vendorStatus: '200', occurredAt: '2026-11-22T12:35:01.000Z' },
      refused: [
        [
          'a signature by another key',
          (url) => callback(url, 200, Buffer.from('guess').toString('base64')),
        ],
        [
          'no signature',
          (url) => ({ ...callback(url), headers: { 'content-type': 'application/json' } }),
        ],
      ],
    },
    secrets: [TELESIGN_API_KEY],
  },
  (telesign) => {
    it('should record an undelivered SMS with its status code', async () => {
      const reference = 'C0FFEE00C0FFEE00C0FFEE00C0FFEE00';
      const post = telesignCallback(`${PUBLIC_URL}/callbacks/telesign-a/status`, reference, 210);
      const url = new URL(post.url);

      await telesign.gateway
        .http()
        .post(url.pathname)
        .set(post.headers ?? {})
        .send(post.body)
        .expect(200);

      expect(receiptLog(telesign.gateway, reference)).toMatchObject({
        provider: 'telesign-a',
        status: 'undelivered',
        vendorStatus: '210',
        errorCode: '210',
      });
    });

    it('should fail over when a 200 answer says the message was blocked by the account’s own rule', async () => {
      telesign.primary.script(() => ({
        status: 200,
        body: {
          reference_id: REFERENCE,
          status: { code: 237, description: 'Message blocked in requested country' },
        },
      }));

      const res = await telesign.gateway.hook(hookRequest()).expect(200);

      expect(res.body.commands[0].value[0]).toMatchObject({
        provider: 'telesign-b',
        transactionId: telesignReferenceId(1),
      });
      expect(res.body.commands[0].value[0].transactionMetadata).toContain(
        'telesign-a:vendor-config',
      );
    });
  },
);
