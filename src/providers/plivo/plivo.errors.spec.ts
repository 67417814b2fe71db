import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { plivoError, plivoInvalidNumber } from './plivo.errors';

const answer = (status: number, retryAfterMs?: number): VendorResponse => ({
  status,
  headers: {},
  body: JSON.stringify({ api_id: 'a-1', error: 'destination +14155552671 not allowed' }),
  retryAfterMs,
});

describe(plivoError.name, () => {
  it.each([
    [400, ProviderErrorCode.VendorConfig, 'Plivo refused this account or sender (HTTP 400)'],
    [401, ProviderErrorCode.VendorConfig, 'Plivo refused this account or sender (HTTP 401)'],
    [
      403,
      ProviderErrorCode.VendorConfig,
      'Plivo geo permissions refuse this destination (HTTP 403)',
    ],
    [404, ProviderErrorCode.VendorConfig, 'Plivo refused this account or sender (HTTP 404)'],
    [429, ProviderErrorCode.RateLimited, 'Plivo rate limit (HTTP 429)'],
    [500, ProviderErrorCode.Transient, 'Plivo failed (HTTP 500)'],
    [503, ProviderErrorCode.Transient, 'Plivo failed (HTTP 503)'],
  ])('should classify HTTP %i as %s', (status, code, message) => {
    const error = plivoError(answer(status, 1000));

    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: undefined,
      retryAfterMs: 1000,
    });
  });
});

describe(`${plivoError.name} on an invalid destination`, () => {
  const refusal = (status: number, error: string): VendorResponse => ({
    status,
    headers: {},
    body: JSON.stringify({ api_id: 'a-2', error }),
  });

  it.each([
    '+1415555267 is not a valid number',
    'dst parameter is not a valid phone number',
    'invalid destination number',
  ])('should treat a 400 saying "%s" as an invalid recipient, not failed over', (text) => {
    const error = plivoError(refusal(400, text));

    expect(error.code).toBe(ProviderErrorCode.InvalidRecipient);
    expect(error.failover).toBe(false);
    expect(error.message).toBe('Plivo rejected the recipient (invalid_number)');
  });

  it.each([
    [400, 'src parameter is not a valid number'],
    [400, 'text parameter missing'],
    [401, 'destination is not a valid number'],
  ])('should keep HTTP %i "%s" an account problem', (status, text) => {
    expect(plivoError(refusal(status, text)).code).toBe(ProviderErrorCode.VendorConfig);
  });
});

describe(plivoInvalidNumber.name, () => {
  it('should be a permanent recipient failure', () => {
    const error = plivoInvalidNumber();

    expect(error.code).toBe(ProviderErrorCode.InvalidRecipient);
    expect(error.failover).toBe(false);
    expect(error.message).toBe('Plivo rejected the recipient (invalid_number)');
  });
});
