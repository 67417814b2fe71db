import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { CallbackRequest } from '../provider-callbacks';
import { vonageCallback } from './vonage.receipts';
import { vonageSmsSignature } from './vonage.signature';

const SECRET = 'signature-secret-0123456789abcdef';

const dlr = {
  msisdn: '447700900000',
  to: 'Acme',
  'network-code': '23410',
  messageId: '0A0000001234567B',
  price: '0.03330000',
  status: 'delivered',
  scts: '2001011400',
  'err-code': '0',
  'api-key': 'abcd1234',
  'client-ref': 'd-1',
  'message-timestamp': '2020-01-01 12:00:00',
  timestamp: '1582650446',
  nonce: 'ec11dd3e-1e7f-4db5-9467-82b02cd223b9',
};

function formRequest(params: Record<string, string>): CallbackRequest {
  const body = new URLSearchParams(params).toString();
  return {
    method: 'POST',
    url: 'https://otp.example.com/callbacks/vg/status',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: Buffer.from(body),
    params,
  };
}

async function jsonRequest(body: unknown, secret = SECRET): Promise<CallbackRequest> {
  const raw = Buffer.from(JSON.stringify(body));
  const jwt = await new SignJWT({ payload_hash: createHash('sha256').update(raw).digest('hex') })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .sign(new TextEncoder().encode(secret));
  return {
    method: 'POST',
    url: 'https://otp.example.com/callbacks/vg/status',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    rawBody: raw,
    params: {},
    json: body,
  };
}

describe(vonageCallback.name, () => {
  it('should turn a signed SMS API receipt into a delivery receipt', async () => {
    const sig = vonageSmsSignature(dlr, SECRET, 'sha512hmac');

    const answer = await vonageCallback(formRequest({ ...dlr, sig }), SECRET, 'sha512hmac');

    expect(answer).toEqual({
      kind: 'receipts',
      receipts: [
        {
          transactionId: '0A0000001234567B',
          status: 'delivered',
          vendorStatus: 'delivered',
          errorCode: undefined,
          occurredAt: '2020-01-01T12:00:00Z',
        },
      ],
    });
  });

  it.each([
    ['expired', 'undelivered', '2'],
    ['failed', 'failed', '4'],
    ['rejected', 'failed', '6'],
    ['accepted', 'sent', '0'],
    ['buffered', 'sent', '0'],
    ['unknown', 'sent', '1'],
  ])('should read SMS status %s as %s', async (vendorStatus, status, errCode) => {
    const params = { ...dlr, status: vendorStatus, 'err-code': errCode };
    const sig = vonageSmsSignature(params, SECRET, 'md5hash');

    const answer = await vonageCallback(formRequest({ ...params, sig }), SECRET, 'md5hash');

    expect(answer).toMatchObject({
      kind: 'receipts',
      receipts: [{ status, vendorStatus, errorCode: errCode === '0' ? undefined : errCode }],
    });
  });

  it('should reject an SMS receipt with a wrong or missing sig', async () => {
    const sig = vonageSmsSignature(dlr, 'another-secret', 'md5hash');

    await expect(vonageCallback(formRequest({ ...dlr, sig }), SECRET, 'md5hash')).resolves.toEqual({
      kind: 'rejected',
    });
    await expect(vonageCallback(formRequest(dlr), SECRET, 'md5hash')).resolves.toEqual({
      kind: 'rejected',
    });
  });

  it('should read a signed Messages API status with its error code', async () => {
    const body = {
      message_uuid: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
      to: '447700900000',
      from: 'Acme',
      timestamp: '2020-01-01T14:00:00.000Z',
      status: 'rejected',
      channel: 'sms',
      error: {
        type: 'https://developer.nexmo.com/api-errors/messages#1050',
        title: 'Number barred',
      },
    };

    const answer = await vonageCallback(await jsonRequest(body), SECRET, 'md5hash');

    expect(answer).toEqual({
      kind: 'receipts',
      receipts: [
        {
          transactionId: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
          status: 'failed',
          vendorStatus: 'rejected',
          errorCode: '1050',
          occurredAt: '2020-01-01T14:00:00.000Z',
        },
      ],
    });
  });

  it('should read a signed Voice event, and only acknowledge one with no status we track', async () => {
    const event = { uuid: 'call-1', status: 'answered', timestamp: '2020-01-01T14:00:00.000Z' };

    await expect(vonageCallback(await jsonRequest(event), SECRET, 'md5hash')).resolves.toEqual({
      kind: 'receipts',
      receipts: [
        {
          transactionId: 'call-1',
          status: 'delivered',
          vendorStatus: 'answered',
          errorCode: undefined,
          occurredAt: '2020-01-01T14:00:00.000Z',
        },
      ],
    });
    await expect(
      vonageCallback(await jsonRequest({ uuid: 'call-1', dtmf: '1' }), SECRET, 'md5hash'),
    ).resolves.toEqual({ kind: 'document', document: { contentType: 'text/plain', body: '' } });
  });

  it('should reject a webhook whose JWT was signed with another secret', async () => {
    const request = await jsonRequest({ uuid: 'call-1', status: 'answered' }, 'x'.repeat(32));

    await expect(vonageCallback(request, SECRET, 'md5hash')).resolves.toEqual({ kind: 'rejected' });
  });
});
