import { CallbackRequest } from '../provider-callbacks';
import { hasValidTelesignSignature, telesignCallbackSignature } from './telesign.signature';

/** The example credentials of Telesign's "Authenticate callbacks" page. */
const CUSTOMER = 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890';
const KEY = 'ABC12345yusumoN6BYsBVkh+yRJ5czgsnCehZaOYldPJdmFh6NeX8kunZ2zU1YWaUw/0wV6xfw==';
const BODY = Buffer.from(
  '{"reference_id":"0123456789ABCDEF0123456789ABCDEF","status":{"code":200,"description":"Delivered to handset","updated_on":"2026-11-22T12:35:01.000000Z"}}',
);
/** Computed independently (Python hmac, base64-decoded key) over BODY. */
const SIGNATURE = '0/5l8P1okq7MeMObdYgp8tBxFl0JxccgMyWXoxALdpc=';

const callback = (headers: Record<string, string | string[]>, body = BODY): CallbackRequest => ({
  method: 'POST',
  url: 'https://otp.example.com/callbacks/telesign/status',
  headers,
  rawBody: body,
  params: {},
});

describe(telesignCallbackSignature.name, () => {
  it('should sign the body alone with the decoded API key', () => {
    expect(telesignCallbackSignature(KEY, BODY)).toBe(SIGNATURE);
  });
});

describe(hasValidTelesignSignature.name, () => {
  const signed = {
    authorization: `TSA ${CUSTOMER}:${SIGNATURE}`,
    'x-ts-auth-method': 'HMAC-SHA256',
  };

  it('should accept the signature in Authorization or, without it, in X-TS-Authorization', () => {
    expect(hasValidTelesignSignature(CUSTOMER, KEY, callback(signed))).toBe(true);
    expect(
      hasValidTelesignSignature(
        CUSTOMER,
        KEY,
        callback({ 'x-ts-authorization': signed.authorization, 'x-ts-auth-method': 'hmac-sha256' }),
      ),
    ).toBe(true);
  });

  it.each([
    ['no header', {}],
    ['another customer', { authorization: `TSA FFFFFFFF-0000:${SIGNATURE}` }],
    ['another signature', { authorization: `TSA ${CUSTOMER}:${SIGNATURE.replace('0', '1')}` }],
    [
      'Basic credentials',
      { authorization: `Basic ${Buffer.from(`${CUSTOMER}:${KEY}`).toString('base64')}` },
    ],
    ['another method', { ...signed, 'x-ts-auth-method': 'HMAC-SHA1' }],
    ['a repeated header', { authorization: [signed.authorization, signed.authorization] }],
  ])('should refuse %s', (_name, headers) => {
    expect(hasValidTelesignSignature(CUSTOMER, KEY, callback(headers))).toBe(false);
  });

  it('should refuse a body changed after signing', () => {
    const changed = Buffer.from(BODY.toString().replace('200', '207'));

    expect(hasValidTelesignSignature(CUSTOMER, KEY, callback(signed, changed))).toBe(false);
  });
});
