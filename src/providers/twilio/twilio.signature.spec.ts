import { CallbackRequest } from '../provider-callbacks';
import { hasValidTwilioSignature, twilioSignature } from './twilio.signature';

/** The test vector of vendors.md §1.4 (twilio-node spec/validation.spec.js). */
const TOKEN = '12345';
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const SIGNATURE = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

const request = (url: string, signature?: string | string[]): CallbackRequest => ({
  method: 'POST',
  url,
  headers: { 'x-twilio-signature': signature },
  rawBody: Buffer.alloc(0),
  params: PARAMS,
});

describe(twilioSignature.name, () => {
  it('should compute the signature of the published test vector', () => {
    expect(twilioSignature(TOKEN, URL, PARAMS)).toBe(SIGNATURE);
  });

  it('should sort and deduplicate the values of a repeated parameter', () => {
    expect(twilioSignature(TOKEN, 'https://a.example/cb', { B: '2', A: ['z', 'y', 'z'] })).toBe(
      twilioSignature(TOKEN, 'https://a.example/cb', { A: ['y', 'z'], B: '2' }),
    );
  });
});

describe(hasValidTwilioSignature.name, () => {
  it('should accept the test vector, also with the default port written out', () => {
    expect(hasValidTwilioSignature(TOKEN, request(URL, SIGNATURE))).toBe(true);
    expect(
      hasValidTwilioSignature(
        TOKEN,
        request('https://mycompany.com:443/myapp.php?foo=1&bar=2', SIGNATURE),
      ),
    ).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['a repeated header', [SIGNATURE, SIGNATURE]],
    ['a signature of other parameters', 'RSOYDt4T1cUTdK1PDd93/VVr8B8X'],
  ])('should refuse %s', (_name, signature) => {
    expect(hasValidTwilioSignature(TOKEN, request(URL, signature))).toBe(false);
  });

  it('should refuse the right signature under another token or URL', () => {
    expect(hasValidTwilioSignature('54321', request(URL, SIGNATURE))).toBe(false);
    expect(
      hasValidTwilioSignature(TOKEN, request('https://mycompany.com/myapp.php?foo=1', SIGNATURE)),
    ).toBe(false);
  });
});
