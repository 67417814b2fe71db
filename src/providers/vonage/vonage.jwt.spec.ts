import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { readPrivateKey, VonageApplicationToken } from './vonage.jwt';

describe(VonageApplicationToken.name, () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('should sign an RS256 JWT with the application id, iat, exp 15 minutes later and a jti', async () => {
    const sut = new VonageApplicationToken(
      'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
      readPrivateKey(pem)!,
    );

    const authorization = await sut.authorization(1_800_000_000_000);

    const jwt = authorization.replace(/^Bearer /, '');
    const { payload } = await jwtVerify(jwt, publicKey, {
      currentDate: new Date(1_800_000_000_000),
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toEqual({
      application_id: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
      iat: 1_800_000_000,
      exp: 1_800_000_900,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('should read a PEM whose newlines arrived escaped, and refuse what is not a key', () => {
    expect(readPrivateKey(pem.replace(/\n/g, '\\n'))).toBeDefined();
    expect(readPrivateKey('not a key')).toBeUndefined();
  });
});
