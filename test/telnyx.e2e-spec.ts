import { generateKeyPairSync } from 'node:crypto';
import { eventually } from './support/eventually';
import {
  FakeTelnyx,
  TELNYX_ACCOUNT_SID,
  TELNYX_API_KEY,
  TELNYX_CONNECTION,
  TELNYX_TEXML_APP,
  telnyxErrors,
} from './support/fakes/telnyx.fake';
import { signedHeaders, TELNYX_PUBLIC_KEY, telnyxEvent } from './support/fakes/telnyx.signing';
import { takeProblems } from './support/fakes/vendor-fake';
import { hookRequest } from './support/okta';
import { CallbackUrl, describeVendor, PUBLIC_URL } from './support/vendor-contract';
import { receiptLog, sealedBytes } from './support/vendor-e2e';

const telnyx = (fake: FakeTelnyx, extra: Record<string, unknown> = {}) => ({
  type: 'telnyx',
  apiKey: '${TELNYX_API_KEY}',
  from: '+18445550001',
  accountSid: TELNYX_ACCOUNT_SID,
  texmlApplicationId: TELNYX_TEXML_APP,
  publicKey: TELNYX_PUBLIC_KEY,
  baseUrl: fake.url,
  timeoutMs: 1000,
  ...extra,
});

const MESSAGE_ID = '40385f64-5717-4562-b3fc-2c963f66afa6';
const finalized = telnyxEvent('message.finalized', {
  id: MESSAGE_ID,
  to: [{ phone_number: '+14155552671', status: 'delivered' }],
  errors: [],
});
const webhook = (callback: CallbackUrl, headers: Record<string, string>) => ({
  url: callback('telnyx-a'),
  headers,
  body: finalized,
});
const say = '<Say voice="alice" language="fr-FR">Votre code de vérification est 4, 8, 2, 1.</Say>';

describeVendor(
  {
    vendor: 'Telnyx',
    ids: ['telnyx-a', 'telnyx-b'],
    start: (link) => FakeTelnyx.start(link),
    provider: (fake) => telnyx(fake),
    gateway: {
      publicUrl: true,
      env: { TELNYX_API_KEY },
      providers: (primary) => ({
        'telnyx-cc': telnyx(primary, {
          voiceMode: 'call-control',
          connectionId: TELNYX_CONNECTION,
        }),
      }),
      routing: {
        rules: [{ match: { countries: ['GB'], channels: ['voice'] }, providers: ['telnyx-cc'] }],
      },
    },
    sms: {
      sent: (fake) => fake.bodies('messages'),
      expected: [
        {
          to: '+14155552671',
          text: 'Acme code: 480213',
          from: '+18445550001',
          webhook_url: `${PUBLIC_URL}/callbacks/telnyx-a/status`,
        },
      ],
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    },
    voice: {
      locale: 'fr-FR',
      channel: 'CALL',
      sent: (fake) => fake.bodies('texml'),
      // A TeXML call has no id before it is placed: Okta gets our delivery id.
      expected: (deliveryId) => [
        {
          To: '+14155552671',
          From: '+18445550001',
          ApplicationSid: TELNYX_TEXML_APP,
          Texml: `<?xml version="1.0" encoding="UTF-8"?><Response>${say}<Pause length="1"/>${say}</Response>`,
          StatusCallback: `${PUBLIC_URL}/callbacks/telnyx-a/status?ref=${deliveryId}`,
        },
      ],
      transactionId: (deliveryId) => deliveryId,
    },
    notFailedOver: [
      [
        'the destination number is invalid (40012)',
        () => telnyxErrors(400, '40012'),
        'invalid-recipient',
        'Telnyx rejected the recipient (HTTP 400, code 40012)',
      ],
      [
        'the recipient opted out (40300)',
        () => telnyxErrors(400, '40300'),
        'opted-out',
        'recipient opted out at Telnyx (HTTP 400, code 40300)',
      ],
    ],
    failedOver: [
      ['an unexpected error (10007)', () => telnyxErrors(500, '10007'), 'transient'],
      ['too many requests (10011)', () => telnyxErrors(429, '10011'), 'rate-limited'],
      ['an invalid source number (40013)', () => telnyxErrors(400, '40013'), 'vendor-config'],
    ],
    withoutVendorId: [
      [
        'an SMS Telnyx took without its message id',
        () => ({ status: 200, body: { data: { record_type: 'message' } } }),
        'Telnyx answered without a message id',
      ],
      [
        'a Call Control call Telnyx took without its call_control_id',
        () => ({ status: 200, body: { data: { record_type: 'message' } } }),
        'Telnyx answered without a call_control_id',
        {
          hook: { deliveryChannel: 'voice call', phoneNumber: '+447400123456' },
          provider: 'telnyx-cc',
        },
      ],
    ],
    receipts: {
      signed: (callback) => webhook(callback, signedHeaders(finalized)),
      transactionId: MESSAGE_ID,
      logged: { status: 'delivered', vendorStatus: 'delivered' },
      refused: [
        [
          'a signature by another key',
          (callback) =>
            webhook(
              callback,
              signedHeaders(finalized, { key: generateKeyPairSync('ed25519').privateKey }),
            ),
        ],
        [
          'a signature made too long ago',
          (callback) =>
            webhook(
              callback,
              signedHeaders(finalized, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
            ),
        ],
        ['no signature', (callback) => webhook(callback, { 'content-type': 'application/json' })],
      ],
    },
    secrets: ['7400123456', TELNYX_API_KEY],
  },
  (telnyx) => {
    it('should run a Call Control call: dial, speak on answer, hang up after speaking, record the hangup', async () => {
      const res = await telnyx.gateway
        .hook(
          hookRequest({
            phoneNumber: '+447400123456',
            deliveryChannel: 'voice',
            otpCode: '4821',
            locale: 'de-DE',
          }),
        )
        .expect(200);

      const callId = res.body.commands[0].value[0].transactionId as string;
      await eventually(
        () => telnyx.primary.webhooks.length,
        (n) => n === 3,
      );
      const [dial] = telnyx.primary.bodies('dial');
      expect(dial).toEqual({
        connection_id: TELNYX_CONNECTION,
        to: '+447400123456',
        from: '+18445550001',
        webhook_url: `${PUBLIC_URL}/callbacks/telnyx-cc/status`,
        client_state: expect.any(String),
        command_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        time_limit_secs: 120,
      });
      expect(
        sealedBytes(Buffer.from(String(dial.client_state), 'base64').toString()),
      ).not.toContain('4, 8, 2, 1');
      expect(telnyx.primary.bodies('speak')).toEqual([
        {
          payload: 'Ihr Bestätigungscode lautet 4, 8, 2, 1.',
          payload_type: 'text',
          voice: 'female',
          language: 'de-DE',
          loop: 2,
          command_id: 'otg-speak',
        },
      ]);
      expect(telnyx.primary.bodies('hangup')).toEqual([{ command_id: 'otg-hangup' }]);
      expect(telnyx.primary.webhooks).toEqual([
        { eventType: 'call.answered', status: 200 },
        { eventType: 'call.speak.ended', status: 200 },
        { eventType: 'call.hangup', status: 200 },
      ]);
      expect(receiptLog(telnyx.gateway, callId)).toMatchObject({
        provider: 'telnyx-cc',
        status: 'delivered',
        vendorStatus: 'normal_clearing',
      });
    });

    it('should be refused by the fake when the API key is wrong (the fake checks it)', async () => {
      const res = await fetch(`${telnyx.primary.url}/v2/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
        body: JSON.stringify({ to: '+14155552671', from: '+18445550001', text: 'hi' }),
      });

      expect(res.status).toBe(401);
      expect(takeProblems(telnyx.primary)).toEqual(['Bearer API key does not match']);
    });
  },
);
