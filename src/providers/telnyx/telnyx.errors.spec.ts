import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { telnyxError } from './telnyx.errors';

const { Transient, RateLimited, VendorConfig, InvalidRecipient, OptedOut } = ProviderErrorCode;

const answer = (status: number, body: unknown, retryAfterMs?: number): VendorResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfterMs,
});

const errors = (code: string | number) => ({
  errors: [
    {
      code,
      title: 'Invalid phone number',
      detail: "The 'to' parameter +14155552671 is invalid.",
      source: { pointer: '/to' },
      meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` },
    },
  ],
});

describe(telnyxError.name, () => {
  it.each([
    [400, '10002', InvalidRecipient],
    [400, '10016', InvalidRecipient],
    [400, '40012', InvalidRecipient],
    [400, '40001', InvalidRecipient],
    [403, '40300', OptedOut],
    [401, '10009', VendorConfig],
    [403, '10010', VendorConfig],
    [400, '40013', VendorConfig],
    [429, '10011', RateLimited],
    [500, '10007', Transient],
    [400, '40006', Transient],
    [422, '10015', VendorConfig],
    [503, '90000', Transient],
  ])('should classify HTTP %i code %s as %s', (status, code, expected) => {
    const error = telnyxError(answer(status, errors(code)));

    expect(error.code).toBe(expected);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: code,
      retryAfterMs: undefined,
    });
    expect(error.message).not.toContain('4155552671');
  });

  it('should read a numeric code and classify a body without errors by status', () => {
    expect(telnyxError(answer(422, errors(40300))).code).toBe(OptedOut);
    const error = telnyxError(answer(429, 'Too Many Requests', 1000));

    expect(error.code).toBe(RateLimited);
    expect(error.message).toBe('Telnyx rate limit (HTTP 429)');
    expect(error.details).toEqual({ httpStatus: 429, vendorCode: undefined, retryAfterMs: 1000 });
  });
});
