import { generateKeyPairSync, sign } from 'node:crypto';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { CallbackRequest } from '../provider-callbacks';
import { TelnyxApi } from './telnyx.api';
import { TelnyxConfig } from './telnyx.config';
import { TelnyxProvider } from './telnyx.provider';
import { readTelnyxPublicKey } from './telnyx.signature';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const key = readTelnyxPublicKey(
  Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64'),
);
const STATUS_URL = 'https://otp.example.com/callbacks/tx/status';

function signed(body: string, contentType: string, url = STATUS_URL): CallbackRequest {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString('base64');
  const isJson = contentType === 'application/json';
  return {
    method: 'POST',
    url,
    headers: {
      'content-type': contentType,
      'telnyx-signature-ed25519': signature,
      'telnyx-timestamp': timestamp,
    },
    rawBody: Buffer.from(body),
    params: isJson ? {} : Object.fromEntries(new URLSearchParams(body)),
    json: isJson ? (JSON.parse(body) as unknown) : undefined,
  };
}

const event = (type: string, payload: Record<string, unknown>) =>
  JSON.stringify({
    data: {
      event_type: type,
      id: 'e-1',
      occurred_at: '2026-11-22T10:00:00.000Z',
      payload,
      record_type: 'event',
    },
    meta: { attempt: 1, delivered_to: STATUS_URL },
  });

describe(TelnyxProvider.name, () => {
  const config = Object.assign(new TelnyxConfig(), {
    type: 'telnyx',
    apiKey: 'KEY',
    from: '+18445550001',
  });
  const api = new TelnyxApi({} as VendorHttpClient, 'KEY');
  const sut = new TelnyxProvider('tx', ['sms', 'voice'], config, api, {
    publicKey: key,
    statusUrl: STATUS_URL,
  });

  it.each([
    ['sent', 'sent', undefined],
    ['delivered', 'delivered', undefined],
    ['delivery_failed', 'undelivered', '40008'],
    ['sending_failed', 'failed', '40013'],
    ['delivery_unconfirmed', 'sent', undefined],
    ['expired', 'undelivered', '40005'],
  ])(
    'should read a signed message.finalized with status %s as %s',
    async (vendorStatus, status, code) => {
      const body = event('message.finalized', {
        id: '40385f64-5717-4562-b3fc-2c963f66afa6',
        to: [{ phone_number: '+18665550001', status: vendorStatus }],
        errors: code ? [{ code, title: 'x' }] : [],
      });

      await expect(sut.handleCallback('status', signed(body, 'application/json'))).resolves.toEqual(
        {
          kind: 'receipts',
          receipts: [
            {
              transactionId: '40385f64-5717-4562-b3fc-2c963f66afa6',
              status,
              vendorStatus,
              errorCode: code,
              occurredAt: '2026-11-22T10:00:00.000Z',
            },
          ],
        },
      );
    },
  );

  it.each([
    ['normal_clearing', 'delivered', undefined],
    ['no_answer', 'undelivered', '480'],
    ['user_busy', 'undelivered', '486'],
    ['call_rejected', 'failed', '603'],
  ])('should read call.hangup %s as %s', async (cause, status, sip) => {
    const body = event('call.hangup', {
      call_control_id: 'v3:abc',
      hangup_cause: cause,
      sip_hangup_cause: sip ?? '200',
    });

    await expect(sut.handleCallback('status', signed(body, 'application/json'))).resolves.toEqual({
      kind: 'receipts',
      receipts: [
        {
          transactionId: 'v3:abc',
          status,
          vendorStatus: cause,
          errorCode: sip,
          occurredAt: '2026-11-22T10:00:00.000Z',
        },
      ],
    });
  });

  it('should read a TeXML status callback with our delivery id from the URL', async () => {
    const form = 'CallSid=c-1&CallStatus=no-answer&Timestamp=2026-11-22T10%3A00%3A00Z&ref=forged';
    const request = signed(form, 'application/x-www-form-urlencoded', `${STATUS_URL}?ref=d-1`);

    await expect(sut.handleCallback('status', request)).resolves.toEqual({
      kind: 'receipts',
      receipts: [
        {
          transactionId: 'd-1',
          status: 'undelivered',
          vendorStatus: 'no-answer',
          errorCode: undefined,
          occurredAt: '2026-11-22T10:00:00Z',
        },
      ],
    });
  });

  it('should acknowledge other signed events and reject unsigned ones', async () => {
    const body = event('call.initiated', { call_control_id: 'v3:abc' });
    const unsigned = { ...signed(body, 'application/json'), headers: {} };

    await expect(sut.handleCallback('status', signed(body, 'application/json'))).resolves.toEqual({
      kind: 'document',
      document: { contentType: 'text/plain', body: '' },
    });
    await expect(sut.handleCallback('status', unsigned)).resolves.toEqual({ kind: 'rejected' });
    await expect(
      sut.handleCallback('answer', signed(body, 'application/json')),
    ).resolves.toBeUndefined();
  });

  it('should reject every callback when no public key is configured', async () => {
    const bare = new TelnyxProvider('tx', ['sms'], config, api);
    const body = event('message.sent', { id: 'm-1', to: [{ status: 'sent' }] });

    await expect(bare.handleCallback('status', signed(body, 'application/json'))).resolves.toEqual({
      kind: 'rejected',
    });
  });
});
