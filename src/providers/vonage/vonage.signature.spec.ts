import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  verifyVonageSignedWebhook,
  verifyVonageSmsSignature,
  vonageSmsSignature,
} from './vonage.signature';
import { VONAGE_SIGNATURE_METHODS } from './vonage.types';

/** vendors.md §2.1, from the Vonage SDK's signature test data. */
const VECTOR = {
  'message-timestamp': '2013-11-21 15:27:30',
  messageId: '020000001B0FE827',
  msisdn: '14843472194',
  text: 'Test again',
  timestamp: '1385047698',
  to: '13239877404',
  type: 'text',
};
const SECRET = 'my_secret_key_for_testing';

describe(vonageSmsSignature.name, () => {
  it('should match the md5hash test vector', () => {
    expect(vonageSmsSignature(VECTOR, SECRET, 'md5hash')).toBe('d2e7b1dc968737c5998ad624e02f90b7');
  });

  it('should match the sha256hmac test vector', () => {
    expect(vonageSmsSignature(VECTOR, SECRET, 'sha256hmac')).toBe(
      'ddb8397c2b90aac7f3882d306475c9a5058c92322eef43c92b298b6e0fc0d330',
    );
  });

  it('should leave sig out and replace & and = in values', () => {
    const plain = vonageSmsSignature({ a: 'x_y_z' }, SECRET, 'md5hash');

    expect(vonageSmsSignature({ a: 'x&y=z', sig: 'ignored' }, SECRET, 'md5hash')).toBe(plain);
  });
});

describe(verifyVonageSmsSignature.name, () => {
  it('should accept the vector signature in upper case', () => {
    const sig = 'DDB8397C2B90AAC7F3882D306475C9A5058C92322EEF43C92B298B6E0FC0D330';

    expect(verifyVonageSmsSignature({ ...VECTOR, sig }, SECRET, 'sha256hmac')).toBe(true);
  });

  it.each(VONAGE_SIGNATURE_METHODS)(
    'should accept its own %s signature and no altered field',
    (m) => {
      const sig = vonageSmsSignature(VECTOR, SECRET, m);

      expect(verifyVonageSmsSignature({ ...VECTOR, sig }, SECRET, m)).toBe(true);
      expect(verifyVonageSmsSignature({ ...VECTOR, status: 'delivered', sig }, SECRET, m)).toBe(
        false,
      );
      expect(verifyVonageSmsSignature({ ...VECTOR, sig }, 'other-secret', m)).toBe(false);
    },
  );

  it('should refuse a receipt without sig', () => {
    expect(verifyVonageSmsSignature(VECTOR, SECRET, 'md5hash')).toBe(false);
  });
});

describe(verifyVonageSignedWebhook.name, () => {
  const secret = 'signature-secret-0123456789abcdef';
  const body = Buffer.from('{"message_uuid":"m-1","status":"delivered"}');
  const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const token = (claims: Record<string, unknown>, key = secret, alg = 'HS256') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg })
      .setIssuedAt()
      .sign(new TextEncoder().encode(key));

  it('should accept a JWT signed with the secret whose payload_hash is the body', async () => {
    const jwt = await token({ api_key: 'abcd1234', payload_hash: hash(body) });

    await expect(verifyVonageSignedWebhook(`Bearer ${jwt}`, body, secret)).resolves.toBe(true);
  });

  it('should refuse another body, another secret, another algorithm or no token', async () => {
    const good = await token({ payload_hash: hash(body) });
    const otherKey = await token({ payload_hash: hash(body) }, 'another-secret-0123456789abcdef');
    const hs512 = await token({ payload_hash: hash(body) }, secret, 'HS512');
    const noHash = await token({});

    await expect(
      verifyVonageSignedWebhook(`Bearer ${good}`, Buffer.from('{}'), secret),
    ).resolves.toBe(false);
    await expect(verifyVonageSignedWebhook(`Bearer ${otherKey}`, body, secret)).resolves.toBe(
      false,
    );
    await expect(verifyVonageSignedWebhook(`Bearer ${hs512}`, body, secret)).resolves.toBe(false);
    await expect(verifyVonageSignedWebhook(`Bearer ${noHash}`, body, secret)).resolves.toBe(false);
    await expect(verifyVonageSignedWebhook(`Basic ${good}`, body, secret)).resolves.toBe(false);
    await expect(verifyVonageSignedWebhook(undefined, body, secret)).resolves.toBe(false);
  });

  it('should refuse an expired token', async () => {
    const jwt = await new SignJWT({ payload_hash: hash(body) })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(secret));

    await expect(verifyVonageSignedWebhook(`Bearer ${jwt}`, body, secret)).resolves.toBe(false);
  });
});
