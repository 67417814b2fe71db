import { networkError } from './network-error';

/** What fetch (undici) throws: a TypeError whose cause carries the system or TLS code. */
const fetchFailure = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });

describe(networkError.name, () => {
  const url = 'https://otp.example.com/hooks/okta/telephony?x=1';

  it.each([
    [
      'ECONNREFUSED',
      'Cannot reach the gateway at https://otp.example.com: connection refused. Is it running there?',
      undefined,
    ],
    [
      'ENOTFOUND',
      'Cannot reach the gateway at https://otp.example.com: the host name does not resolve.',
      undefined,
    ],
    [
      'ECONNRESET',
      'the gateway at https://otp.example.com closed the connection before answering.',
      undefined,
    ],
    [
      'CERT_HAS_EXPIRED',
      'TLS error with the gateway at https://otp.example.com: its certificate has expired.',
      undefined,
    ],
    [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'TLS error with the gateway at https://otp.example.com: its certificate is signed by an authority this machine does not trust.',
      'If a proxy or your company signs TLS with its own authority, point NODE_EXTRA_CA_CERTS at its PEM file.',
    ],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'TLS error with the gateway at https://otp.example.com: its certificate does not name this host.',
      undefined,
    ],
  ])('should explain %s by the service and its origin only', (code, message, hint) => {
    const sut = networkError(fetchFailure(code), 'the gateway', url);

    expect(sut?.message).toBe(message);
    expect(sut?.hint).toBe(hint);
  });

  it("should read node-fetch's errors (the Okta SDK) and timeouts, and leave other errors alone", () => {
    const nodeFetch = Object.assign(new Error('request to https://acme.okta.com failed'), {
      type: 'system',
      code: 'ECONNREFUSED',
    });

    expect(
      networkError(nodeFetch, 'Okta', 'https://acme.okta.com/api/v1/inlineHooks')?.message,
    ).toBe('Cannot reach Okta at https://acme.okta.com: connection refused. Is it running there?');
    expect(
      networkError(new DOMException('late', 'TimeoutError'), 'Okta', 'https://acme.okta.com')
        ?.message,
    ).toBe('Okta at https://acme.okta.com did not answer in time.');
    expect(networkError(new Error('bug'), 'Okta', 'https://acme.okta.com')).toBeUndefined();
  });
});
