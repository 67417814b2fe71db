import { generateKeyPairSync, sign } from 'node:crypto';
import { CallbackRequest } from '../provider-callbacks';
import { readTelnyxPublicKey, verifyTelnyxSignature } from './telnyx.signature';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyBase64 = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString(
  'base64',
);
const now = 1_800_000_000_000;

function signed(body: string, timestamp: number, key = privateKey): CallbackRequest {
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`), key).toString('base64');
  return {
    method: 'POST',
    url: 'https://otp.example.com/callbacks/tx/status',
    headers: {
      'telnyx-signature-ed25519': signature,
      'telnyx-timestamp': String(timestamp),
    },
    rawBody: Buffer.from(body),
    params: {},
  };
}

describe(verifyTelnyxSignature.name, () => {
  const key = readTelnyxPublicKey(publicKeyBase64)!;
  const body = '{"data":{"event_type":"message.sent"}}';

  it('should accept a body signed over timestamp|body with the account key', () => {
    expect(verifyTelnyxSignature(signed(body, now / 1000), key, now)).toBe(true);
    expect(verifyTelnyxSignature(signed(body, now / 1000 - 300), key, now)).toBe(true);
  });

  it('should refuse a timestamp more than five minutes away', () => {
    expect(verifyTelnyxSignature(signed(body, now / 1000 - 301), key, now)).toBe(false);
    expect(verifyTelnyxSignature(signed(body, now / 1000 + 301), key, now)).toBe(false);
  });

  it('should refuse another body, another timestamp header, another key or no headers', () => {
    const request = signed(body, now / 1000);
    const other = generateKeyPairSync('ed25519').privateKey;

    expect(verifyTelnyxSignature({ ...request, rawBody: Buffer.from(`${body} `) }, key, now)).toBe(
      false,
    );
    expect(
      verifyTelnyxSignature(
        { ...request, headers: { ...request.headers, 'telnyx-timestamp': String(now / 1000 - 1) } },
        key,
        now,
      ),
    ).toBe(false);
    expect(verifyTelnyxSignature(signed(body, now / 1000, other), key, now)).toBe(false);
    expect(verifyTelnyxSignature({ ...request, headers: {} }, key, now)).toBe(false);
  });
});

describe(readTelnyxPublicKey.name, () => {
  it('should read the 32-byte base64 key and refuse anything else', () => {
    expect(readTelnyxPublicKey(publicKeyBase64)).toBeDefined();
    expect(readTelnyxPublicKey(Buffer.alloc(31).toString('base64'))).toBeUndefined();
    expect(readTelnyxPublicKey('not base64 at all')).toBeUndefined();
  });
});
