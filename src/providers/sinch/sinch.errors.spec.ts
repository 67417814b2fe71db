import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { sinchSmsError, sinchVoiceError } from './sinch.errors';

const answer = (status: number, body: unknown, retryAfterMs?: number): VendorResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfterMs,
});

describe(sinchSmsError.name, () => {
  it.each([
    [400, 'syntax_invalid_parameter_format', ProviderErrorCode.InvalidRecipient],
    [400, 'syntax_invalid_json', ProviderErrorCode.VendorConfig],
    [400, 'syntax_constraint_violation', ProviderErrorCode.VendorConfig],
    [403, 'blocked_account', ProviderErrorCode.VendorConfig],
    [403, 'illegal_number_type', ProviderErrorCode.VendorConfig],
    [403, 'missing_callback_url', ProviderErrorCode.VendorConfig],
    [400, 'some_future_code', ProviderErrorCode.VendorConfig],
    [429, 'too_many_requests', ProviderErrorCode.RateLimited],
    [503, 'service_unavailable', ProviderErrorCode.Transient],
  ])('should classify HTTP %i %s as %s', (status, code, expected) => {
    const error = sinchSmsError(answer(status, { code, text: 'Invalid to: +14155552671' }));

    expect(error.code).toBe(expected);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: code,
      retryAfterMs: undefined,
    });
    expect(error.message).not.toContain('4155552671');
  });

  it('should classify the empty 401 of a bad token as vendor-config', () => {
    const error = sinchSmsError(answer(401, ''));

    expect(error.code).toBe(ProviderErrorCode.VendorConfig);
    expect(error.message).toBe('Sinch refused this account or sender (HTTP 401)');
  });

  it('should keep Retry-After of a 429', () => {
    const error = sinchSmsError(answer(429, '', 3000));

    expect(error.details).toEqual({ httpStatus: 429, vendorCode: undefined, retryAfterMs: 3000 });
  });

  it('should not take a code inherited from Object as a Sinch code', () => {
    expect(sinchSmsError(answer(500, { code: 'constructor' })).code).toBe(
      ProviderErrorCode.Transient,
    );
  });
});

describe(sinchVoiceError.name, () => {
  it.each([
    [400, '40001', ProviderErrorCode.VendorConfig, 'Sinch refused this account or sender'],
    [401, '40100', ProviderErrorCode.VendorConfig, 'Sinch refused this account or sender'],
    [404, '40400', ProviderErrorCode.VendorConfig, 'Sinch refused this account or sender'],
    [429, '42900', ProviderErrorCode.RateLimited, 'Sinch rate limit'],
    [500, '50000', ProviderErrorCode.Transient, 'Sinch failed'],
  ])('should classify HTTP %i errorCode %s as %s', (status, errorCode, expected, words) => {
    const error = sinchVoiceError(
      answer(status, { status: `${status}`, errorCode, message: 'm', reference: 'r' }),
    );

    expect(error.code).toBe(expected);
    expect(error.message).toBe(`${words} (HTTP ${status}, code ${errorCode})`);
  });
});
