import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { isInProgress, telesignError } from './telesign.errors';

const answer = (status: number, body: unknown, retryAfterMs?: number): VendorResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfterMs,
});
const withStatus = (code: number, description = '+14155552671 is not valid') => ({
  reference_id: '0123456789ABCDEF0123456789ABCDEF',
  status: { code, description, updated_on: '2026-11-22T12:35:01Z' },
});

describe(telesignError.name, () => {
  it.each([
    [
      400,
      11000,
      ProviderErrorCode.InvalidRecipient,
      'Telesign rejected the recipient (HTTP 400, code 11000)',
    ],
    [
      400,
      11001,
      ProviderErrorCode.InvalidRecipient,
      'Telesign rejected the recipient (HTTP 400, code 11001)',
    ],
    [
      400,
      10032,
      ProviderErrorCode.InvalidRecipient,
      'Telesign blocked this number (global blocklist) (HTTP 400, code 10032)',
    ],
    [
      401,
      10033,
      ProviderErrorCode.VendorConfig,
      'Telesign trial account: the number is not verified (HTTP 401, code 10033)',
    ],
    [
      400,
      11009,
      ProviderErrorCode.VendorConfig,
      'Telesign refused this account or sender (HTTP 400, code 11009)',
    ],
    [
      401,
      10015,
      ProviderErrorCode.VendorConfig,
      'Telesign refused this account or sender (HTTP 401, code 10015)',
    ],
    [
      402,
      10030,
      ProviderErrorCode.VendorConfig,
      'Telesign refused this account or sender (HTTP 402, code 10030)',
    ],
    [429, 10019, ProviderErrorCode.RateLimited, 'Telesign rate limit (HTTP 429, code 10019)'],
    [503, 10000, ProviderErrorCode.Transient, 'Telesign failed (HTTP 503, code 10000)'],
    [
      200,
      230,
      ProviderErrorCode.InvalidRecipient,
      'Telesign blocked this number (global blocklist) (HTTP 200, code 230)',
    ],
    [
      200,
      237,
      ProviderErrorCode.VendorConfig,
      'Telesign refused this account or sender (HTTP 200, code 237)',
    ],
  ])('should classify HTTP %i status %i as %s', (status, code, expected, message) => {
    const error = telesignError(answer(status, withStatus(code), 2000));

    expect(error.code).toBe(expected);
    expect(error.message).toBe(message);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: String(code),
      retryAfterMs: 2000,
    });
  });

  it('should read the code of errors[] when the status code says nothing more', () => {
    const body = { status: { code: 500 }, errors: [{ code: -40007, description: 'Rate limit' }] };

    const error = telesignError(answer(429, body));

    expect([error.code, error.details.vendorCode]).toEqual([
      ProviderErrorCode.RateLimited,
      '-40007',
    ]);
  });

  it('should classify by HTTP status an answer that is not JSON', () => {
    expect(telesignError(answer(502, '<html>bad gateway</html>')).message).toBe(
      'Telesign failed (HTTP 502)',
    );
    expect(telesignError(answer(404, '')).code).toBe(ProviderErrorCode.VendorConfig);
  });

  it('should not take a code inherited from Object as a Telesign code', () => {
    expect(telesignError(answer(500, { status: { code: 'constructor' } })).code).toBe(
      ProviderErrorCode.Transient,
    );
  });
});

describe(isInProgress.name, () => {
  it.each([
    ['290', true],
    ['103', true],
    [undefined, true],
    ['230', false],
    ['500', false],
  ])('should read %s as in progress: %s', (code, expected) => {
    expect(isInProgress(code)).toBe(expected);
  });
});
