import { CallbackRequest } from '../provider-callbacks';
import { plivoV3Signature, plivoV3SignedString, verifyPlivoSignature } from './plivo.signature';

const ANSWER_URL = 'https://otp.example.com/callbacks/plivo-a/answer?s=abc';
const FORM = 'To=14155552671&From=14155550000&CallUUID=97ceeb52-58b6-11e1-86da-77300b68f8bb';

describe(plivoV3SignedString.name, () => {
  it('should follow the documented example: no query, body {b:2, a:1}', () => {
    expect(plivoV3SignedString('POST', 'https://x/cb', 'b=2&a=1')).toBe('https://x/cb?a1b2');
  });

  it('should join query and sorted body parameters with a dot on POST', () => {
    expect(plivoV3SignedString('POST', ANSWER_URL, FORM)).toBe(
      'https://otp.example.com/callbacks/plivo-a/answer?s=abc.' +
        'CallUUID97ceeb52-58b6-11e1-86da-77300b68f8bbFrom14155550000To14155552671',
    );
  });

  it('should keep the bare URL for a POST with neither query nor body', () => {
    expect(plivoV3SignedString('POST', 'https://x/cb', '')).toBe('https://x/cb');
  });

  it('should sort the decoded query, repeated keys by value, on GET', () => {
    expect(plivoV3SignedString('GET', 'https://x/cb?b=x+y&a=2&a=1', '')).toBe(
      'https://x/cb?a=1&a=2&b=x y',
    );
  });
});

describe(plivoV3Signature.name, () => {
  /** Computed independently (Python hmac) over the strings above, token my_auth_token. */
  it.each([
    [
      'https://otp.example.com/callbacks/plivo-a/answer?s=abc.CallUUID97ceeb52-58b6-11e1-86da-77300b68f8bbFrom14155550000To14155552671',
      '12345',
      'Z7LML4GQ1YVKfHd8wIYUGt3A6RCds+StrJVYLEjKqOI=',
    ],
    ['https://x/cb?a1b2', '12345', 'z258cmDiTHe0LdB58boR0a/vJpeQ7YGKmPmMp84dj/E='],
  ])('should sign %s with nonce %s', (signed, nonce, expected) => {
    expect(plivoV3Signature('my_auth_token', signed, nonce)).toBe(expected);
  });
});

describe(verifyPlivoSignature.name, () => {
  const request = (headers: Record<string, string>, body = FORM): CallbackRequest => ({
    method: 'POST',
    url: ANSWER_URL,
    headers,
    rawBody: Buffer.from(body),
    params: Object.fromEntries(new URLSearchParams(body)),
  });
  const valid = {
    'x-plivo-signature-v3': 'Z7LML4GQ1YVKfHd8wIYUGt3A6RCds+StrJVYLEjKqOI=',
    'x-plivo-signature-v3-nonce': '12345',
  };

  it('should accept the signature, also among several comma-separated ones', () => {
    expect(verifyPlivoSignature(request(valid), 'my_auth_token')).toBe(true);
    const several = {
      ...valid,
      'x-plivo-signature-v3': `bm90IGl0, ${valid['x-plivo-signature-v3']}`,
    };
    expect(verifyPlivoSignature(request(several), 'my_auth_token')).toBe(true);
  });

  it('should refuse another token, nonce or body, and a request without the headers', () => {
    expect(verifyPlivoSignature(request(valid), 'other_token')).toBe(false);
    expect(
      verifyPlivoSignature(
        request({ ...valid, 'x-plivo-signature-v3-nonce': '12346' }),
        'my_auth_token',
      ),
    ).toBe(false);
    expect(verifyPlivoSignature(request(valid, `${FORM}&Digits=1`), 'my_auth_token')).toBe(false);
    expect(verifyPlivoSignature(request({}), 'my_auth_token')).toBe(false);
  });
});
