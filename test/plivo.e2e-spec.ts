import { randomUUID } from 'node:crypto';
import { eventually } from './support/eventually';
import {
  FakePlivo,
  PLIVO_AUTH_ID,
  PLIVO_AUTH_TOKEN,
  plivoError,
  plivoInvalidNumber,
  plivoSignature,
} from './support/fakes/plivo.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import { hookRequest } from './support/okta';
import { CallbackUrl, describeVendor, PUBLIC_URL } from './support/vendor-contract';
import { receiptLog, sealedBytes } from './support/vendor-e2e';

const MESSAGE_UUID = 'db3ce55a-7f1d-11e1-8ea7-1231380bc196';
const status = {
  MessageUUID: MESSAGE_UUID,
  To: '14155552671',
  From: '14155550000',
  Status: 'undelivered',
  ErrorCode: '200',
  Units: '1',
};
/** A message status signed with V3 (`token`: the auth token it is signed with). */
const statusCallback = (callback: CallbackUrl, token?: string) => {
  const url = callback('plivo-a');
  const nonce = randomUUID();
  return {
    url,
    headers: {
      'x-plivo-signature-v3': plivoSignature(url, status, nonce, token),
      'x-plivo-signature-v3-nonce': nonce,
    },
    type: 'form' as const,
    body: status,
  };
};
/** Waits until the fake has fetched the call's answer URL and posted its hangup. */
const callEnded = (fake: FakePlivo) =>
  eventually(
    () => fake.hangups.length,
    (n) => n > 0,
  );

describeVendor(
  {
    vendor: 'Plivo',
    ids: ['plivo-a', 'plivo-b'],
    start: (link) => FakePlivo.start(link),
    provider: (fake) => ({
      type: 'plivo',
      authId: PLIVO_AUTH_ID,
      authToken: '${PLIVO_AUTH_TOKEN}',
      src: '+14155550000',
      baseUrl: fake.url,
      timeoutMs: 1000,
    }),
    gateway: { publicUrl: true, env: { PLIVO_AUTH_TOKEN } },
    sms: {
      sent: (fake) => ({ path: fake.requests[0].url, body: fake.json() }),
      expected: {
        path: `/v1/Account/${PLIVO_AUTH_ID}/Message/`,
        body: {
          src: '+14155550000',
          dst: '+14155552671',
          text: 'Acme code: 480213',
          type: 'sms',
          url: `${PUBLIC_URL}/callbacks/plivo-a/status`,
          method: 'POST',
        },
      },
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    },
    voice: {
      locale: 'es-US',
      sent: (fake) => fake.json(),
      expected: {
        from: '14155550000',
        to: '14155552671',
        answer_url: expect.stringMatching(
          new RegExp(`^${PUBLIC_URL}/callbacks/plivo-a/answer\\?s=[A-Za-z0-9_-]+$`),
        ),
        answer_method: 'POST',
        hangup_url: `${PUBLIC_URL}/callbacks/plivo-a/status`,
        hangup_method: 'POST',
      },
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      settled: callEnded,
    },
    notFailedOver: [
      [
        'Plivo lists the number as invalid',
        () => plivoInvalidNumber('+14155552671'),
        'invalid-recipient',
        'Plivo rejected the recipient (invalid_number)',
      ],
      [
        'Plivo answers 400 that the destination is not a valid number',
        () => plivoError(400, '14155552671 is not a valid number'),
        'invalid-recipient',
        'Plivo rejected the recipient (invalid_number)',
      ],
    ],
    failedOver: [
      ['a 500', () => plivoError(500), 'transient'],
      [
        'a geo permission refusal (403)',
        () => plivoError(403, 'destination country not enabled'),
        'vendor-config',
      ],
    ],
    withoutVendorId: [
      [
        'an SMS Plivo took without its message_uuid',
        () => ({ status: 202, body: { message: 'message(s) queued', api_id: randomUUID() } }),
        'Plivo answered without a message_uuid',
      ],
      [
        'a call Plivo took without its request_uuid',
        () => ({ status: 201, body: { message: 'call fired', api_id: randomUUID() } }),
        'Plivo answered without a request_uuid',
        { hook: { deliveryChannel: 'voice call' } },
      ],
    ],
    receipts: {
      signed: (callback) => statusCallback(callback),
      transactionId: MESSAGE_UUID,
      logged: {
        status: 'undelivered',
        vendorStatus: 'undelivered',
        errorCode: '200',
      },
      refused: [
        [
          'a signature by another token',
          (callback) => statusCallback(callback, 'not-the-auth-token'),
        ],
      ],
    },
    secrets: ['9, 0, 7, 1', PLIVO_AUTH_TOKEN],
  },
  (plivo) => {
    it('should serve the call the script its answer URL names, signed by Plivo: the code twice', async () => {
      const res = await plivo.gateway
        .hook(hookRequest({ deliveryChannel: 'voice call', otpCode: '4821', locale: 'es-US' }))
        .expect(200);

      await callEnded(plivo.primary);
      const [answer] = plivo.primary.answers;
      const call = plivo.primary.json() as Record<string, unknown>;
      expect(sealedBytes(String(call.answer_url).split('?s=')[1])).not.toContain('4, 8, 2, 1');
      const spoken = {
        voice: 'WOMAN',
        language: 'es-US',
        text: 'Su código de verificación es 4, 8, 2, 1.',
      };
      expect(answer).toEqual({
        status: 200,
        contentType: 'application/xml',
        spoken: [spoken, spoken],
        waits: 1,
      });
      expect(plivo.primary.hangups).toEqual([200]);
      const transactionId = res.body.commands[0].value[0].transactionId as string;
      expect(receiptLog(plivo.gateway, transactionId)).toMatchObject({
        provider: 'plivo-a',
        status: 'delivered',
        vendorStatus: 'completed',
      });
    });

    it('should refuse to serve the call script to a request Plivo did not sign', async () => {
      await plivo.gateway
        .hook(hookRequest({ deliveryChannel: 'CALL', otpCode: '9071' }))
        .expect(200);
      await callEnded(plivo.primary);
      const answerUrl = String((plivo.primary.json() as Record<string, unknown>).answer_url);

      const res = await plivo.gateway
        .http()
        .post(answerUrl.slice(PUBLIC_URL.length))
        .type('form')
        .send({ CallUUID: 'x' })
        .expect(403);

      expect(res.text).not.toContain('9, 0, 7, 1');
    });

    it('should be refused by the fake without the trailing slash (the fake checks the path)', async () => {
      const res = await fetch(`${plivo.primary.url}/v1/Account/${PLIVO_AUTH_ID}/Message`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${PLIVO_AUTH_ID}:${PLIVO_AUTH_TOKEN}`).toString('base64')}`,
        },
        body: JSON.stringify({ src: '+14155550000', dst: '+14155552671', text: 'hi' }),
      });

      expect(res.status).toBe(400);
      expect(takeProblems(plivo.primary)).toEqual([
        `unexpected POST /v1/Account/${PLIVO_AUTH_ID}/Message`,
      ]);
    });
  },
);
