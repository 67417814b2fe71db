import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  FakeVonage,
  VONAGE_API_KEY,
  VONAGE_API_SECRET,
  VONAGE_APPLICATION_ID,
  VONAGE_PRIVATE_KEY,
  VONAGE_SIGNATURE_SECRET,
  vonageProblem,
  vonageSmsAnswer,
} from './support/fakes/vonage.fake';
import { signVonageReceipt, vonageWebhookAuthorization } from './support/fakes/vonage.signing';
import { takeProblems } from './support/fakes/vendor-fake';
import { hookRequest } from './support/okta';
import { CallbackUrl, describeVendor, PUBLIC_URL } from './support/vendor-contract';
import { receiptLog } from './support/vendor-e2e';

const vonage = (fake: FakeVonage, extra: Record<string, unknown> = {}) => ({
  type: 'vonage',
  apiKey: VONAGE_API_KEY,
  apiSecret: VONAGE_API_SECRET,
  from: '+14155550199',
  applicationId: VONAGE_APPLICATION_ID,
  privateKey: '${file:' + keyFile() + '}',
  signatureSecret: '${VONAGE_SIGNATURE_SECRET}',
  signatureMethod: 'sha256hmac',
  baseUrl: fake.url,
  apiBaseUrl: fake.url,
  timeoutMs: 1000,
  ...extra,
});

/** A delivery receipt of the SMS API, as Vonage sends it (form fields). */
const dlr = (messageId: string) => ({
  msisdn: '14155552671',
  to: '14155550199',
  'network-code': '310260',
  messageId,
  price: '0.00570000',
  status: 'delivered',
  scts: '2611221043',
  'err-code': '0',
  'api-key': VONAGE_API_KEY,
  'client-ref': 'd-1',
  'message-timestamp': '2026-11-22 10:43:12',
  timestamp: '1795430592',
  nonce: 'ec11dd3e-1e7f-4db5-9467-82b02cd223b9',
});
const receipt = (callback: CallbackUrl, messageId: string, secret = VONAGE_SIGNATURE_SECRET) => ({
  url: callback('vonage-a'),
  type: 'form' as const,
  body: signVonageReceipt(dlr(messageId), secret),
  transactionId: messageId,
});

describeVendor(
  {
    vendor: 'Vonage',
    ids: ['vonage-a', 'vonage-b'],
    start: () => FakeVonage.start(),
    provider: (fake) => vonage(fake),
    gateway: {
      publicUrl: true,
      env: { VONAGE_SIGNATURE_SECRET },
      providers: (primary) => ({
        'vonage-m': vonage(primary, { smsApi: 'messages' }),
        'vonage-mb': vonage(primary, {
          smsApi: 'messages',
          applicationId: undefined,
          privateKey: undefined,
          channels: ['sms'],
        }),
      }),
      routing: {
        rules: [
          { match: { countries: ['GB'], channels: ['sms'] }, providers: ['vonage-m'] },
          { match: { countries: ['IE'], channels: ['sms'] }, providers: ['vonage-mb'] },
        ],
      },
    },
    sms: {
      sent: (fake) => fake.form(),
      expected: {
        api_key: VONAGE_API_KEY,
        api_secret: VONAGE_API_SECRET,
        from: '14155550199',
        to: '14155552671',
        text: 'Acme code: 480213',
        'client-ref': expect.stringMatching(/^[0-9a-f-]{36}$/),
        callback: `${PUBLIC_URL}/callbacks/vonage-a/status`,
      },
      transactionId: '0000000000000001',
    },
    voice: {
      locale: 'de-DE',
      sent: (fake) => ({ path: fake.requests[0].url, body: fake.json() }),
      expected: {
        path: '/v1/calls',
        body: {
          to: [{ type: 'phone', number: '14155552671' }],
          from: { type: 'phone', number: '14155550199' },
          ncco: [
            {
              action: 'talk',
              text: 'Ihr Bestätigungscode lautet 4, 8, 2, 1.',
              language: 'de-DE',
              loop: 2,
              bargeIn: false,
            },
          ],
          event_url: [`${PUBLIC_URL}/callbacks/vonage-a/status`],
          event_method: 'POST',
        },
      },
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    },
    notFailedOver: [
      [
        'Vonage says the number is invalid (status 6)',
        () => vonageSmsAnswer('6'),
        'invalid-recipient',
        'Vonage rejected the recipient (status 6)',
      ],
    ],
    failedOver: [
      ['an internal error (status 5)', () => vonageSmsAnswer('5'), 'transient'],
      ['throttling (status 1)', () => vonageSmsAnswer('1'), 'rate-limited'],
      ['a Voice API 500', () => vonageProblem(500, '1030'), 'transient', { channel: 'CALL' }],
    ],
    withoutVendorId: [
      [
        'an SMS API answer whose part has no message-id',
        () => vonageSmsAnswer('0'),
        'Vonage answered without a message-id',
      ],
      [
        'an empty SMS API answer',
        () => ({ status: 200, body: { 'message-count': '0', messages: [] } }),
        'Vonage answered without a message-id',
      ],
      [
        'a Messages API 202 without message_uuid',
        () => ({ status: 202, body: {} }),
        'Vonage answered without a message_uuid',
        { hook: { phoneNumber: '+447400123456' }, provider: 'vonage-m' },
      ],
      [
        'a call created without uuid',
        () => ({ status: 201, body: { status: 'started' } }),
        'Vonage answered without a uuid',
        { hook: { deliveryChannel: 'voice call' } },
      ],
    ],
    receipts: {
      signed: (callback) => receipt(callback, '0B00000042C0FFEE'),
      transactionId: '0B00000042C0FFEE',
      logged: {
        status: 'delivered',
        vendorStatus: 'delivered',
        occurredAt: '2026-11-22T10:43:12Z',
      },
      refused: [
        [
          'a signature made with another secret',
          (callback) => receipt(callback, 'forged-1', 'not-the-signature-secret'),
        ],
      ],
    },
    secrets: ['7400123456', VONAGE_API_SECRET],
  },
  (vonage) => {
    afterAll(() => keyPath && rmSync(dirname(keyPath), { recursive: true, force: true }));

    it('should count an SMS as sent when one part went out and another was refused', async () => {
      vonage.primary.script(() => ({
        status: 200,
        body: {
          'message-count': '2',
          messages: [
            { status: '0', 'message-id': '0A0000000123ABCD1', network: '23410' },
            { status: '5', 'error-text': 'Internal Error' },
          ],
        },
      }));

      const res = await vonage.gateway.hook(hookRequest()).expect(200);

      expect(res.body.commands[0].value[0]).toMatchObject({
        status: 'SUCCESSFUL',
        provider: 'vonage-a',
        transactionId: '0A0000000123ABCD1',
      });
      expect(vonage.backup.requests).toHaveLength(0);
    });

    it('should send an SMS through the Messages API with the application JWT', async () => {
      const res = await vonage.gateway
        .hook(hookRequest({ phoneNumber: '+447400123456', otpCode: '7788' }))
        .expect(200);

      expect(vonage.primary.requests[0].url).toBe('/v1/messages');
      expect(vonage.primary.requests[0].headers.authorization).toMatch(/^Bearer ey/);
      expect(vonage.primary.json()).toEqual({
        message_type: 'text',
        channel: 'sms',
        to: '447400123456',
        from: '14155550199',
        text: 'Your verification code is 7788',
        client_ref: expect.stringMatching(/^[0-9a-f-]{36}$/),
        webhook_url: `${PUBLIC_URL}/callbacks/vonage-m/status`,
        webhook_version: 'v1',
      });
      expect(res.body.commands[0].value[0]).toMatchObject({
        provider: 'vonage-m',
        transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    });

    it('should use Basic auth for the Messages API when there is no application', async () => {
      await vonage.gateway.hook(hookRequest({ phoneNumber: '+353851234567' })).expect(200);

      expect(vonage.primary.requests[0].url).toBe('/v1/messages');
      expect(vonage.primary.requests[0].headers.authorization).toBe(
        `Basic ${Buffer.from(`${VONAGE_API_KEY}:${VONAGE_API_SECRET}`).toString('base64')}`,
      );
      expect(vonage.primary.json()).toMatchObject({ to: '353851234567', channel: 'sms' });
    });

    it('should accept a signed Voice event and refuse one whose body was changed', async () => {
      const body = JSON.stringify({
        uuid: 'call-9',
        status: 'completed',
        timestamp: '2026-11-22T10:44:00.000Z',
      });
      const authorization = await vonageWebhookAuthorization(body, VONAGE_SIGNATURE_SECRET);
      const send = (payload: string) =>
        vonage.gateway
          .http()
          .post('/callbacks/vonage-a/status')
          .set('authorization', authorization)
          .type('json')
          .send(payload);

      await send(body).expect(200);
      await send(body.replace('completed', 'failed')).expect(403);

      expect(receiptLog(vonage.gateway, 'call-9')).toMatchObject({
        provider: 'vonage-a',
        status: 'delivered',
        vendorStatus: 'completed',
      });
    });

    it('should be refused by the fake when the credentials are wrong (the fake checks them)', async () => {
      const res = await fetch(`${vonage.primary.url}/sms/json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'api_key=abcd1234&api_secret=wrong-secret&from=Acme&to=14155552671&text=hi',
      });

      expect(res.status).toBe(422);
      expect(takeProblems(vonage.primary)).toEqual(['api_key and api_secret do not match']);
    });
  },
);

let keyPath: string | undefined;

/** The application key as a mounted secret file, read through `${file:}`. */
function keyFile(): string {
  keyPath ??= join(mkdtempSync(join(tmpdir(), 'otg-vonage-')), 'private.key');
  writeFileSync(keyPath, VONAGE_PRIVATE_KEY);
  return keyPath;
}
