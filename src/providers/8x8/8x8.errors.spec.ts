import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { eightByEightRejected, eightByEightSmsError, eightByEightVoiceError } from './8x8.errors';

const answer = (status: number, body: unknown, retryAfterMs?: number): VendorResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfterMs,
});
const smsError = (code: number) => ({
  code,
  message: 'Invalid MSISDN format (not E.164 international number) +14155552671',
  errorId: 'b4478860-b76c-e811-814e-022a35cc1c71',
  timestamp: '2026-11-22T12:34:56.78Z',
});

describe(eightByEightSmsError.name, () => {
  it.each([
    [
      400,
      1002,
      ProviderErrorCode.InvalidRecipient,
      '8x8 rejected the recipient (HTTP 400, code 1002)',
    ],
    [
      400,
      3003,
      ProviderErrorCode.InvalidRecipient,
      '8x8 rejected the recipient (HTTP 400, code 3003)',
    ],
    [
      400,
      1001,
      ProviderErrorCode.VendorConfig,
      '8x8 refused this account or sender (HTTP 400, code 1001)',
    ],
    [
      400,
      1005,
      ProviderErrorCode.VendorConfig,
      '8x8 refused this account or sender (HTTP 400, code 1005)',
    ],
    [
      401,
      1200,
      ProviderErrorCode.VendorConfig,
      '8x8 refused this account or sender (HTTP 401, code 1200)',
    ],
    [429, 1400, ProviderErrorCode.RateLimited, '8x8 rate limit (HTTP 429, code 1400)'],
    [500, 2000, ProviderErrorCode.Transient, '8x8 failed (HTTP 500, code 2000)'],
    [
      422,
      1000,
      ProviderErrorCode.VendorConfig,
      '8x8 refused this account or sender (HTTP 422, code 1000)',
    ],
  ])('should classify HTTP %i code %i as %s', (status, code, expected, message) => {
    const error = eightByEightSmsError(answer(status, smsError(code), 1000));

    expect(error.code).toBe(expected);
    expect(error.message).toBe(message);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: String(code),
      retryAfterMs: 1000,
    });
  });

  it('should classify a body that is not JSON by its status, 426 (old TLS) as this account’s problem', () => {
    expect(eightByEightSmsError(answer(503, 'unavailable')).code).toBe(ProviderErrorCode.Transient);
    expect(eightByEightSmsError(answer(426, '')).code).toBe(ProviderErrorCode.VendorConfig);
  });
});

describe(eightByEightVoiceError.name, () => {
  const notCreated = (statusCode: number) => ({
    sessionStatus: 'NOT_CREATED',
    callFlowRequestId: '0564e804-0a7e-11ee-9c83-6df9c048a122',
    statusCode,
    statusMessage: 'message',
  });

  it.each([
    [400, -1017, ProviderErrorCode.InvalidRecipient],
    [400, -1014, ProviderErrorCode.VendorConfig],
    [400, -1002, ProviderErrorCode.VendorConfig],
    [401, 401, ProviderErrorCode.VendorConfig],
    [404, 404, ProviderErrorCode.VendorConfig],
    [500, 500, ProviderErrorCode.Transient],
    [200, -9999, ProviderErrorCode.VendorConfig],
  ])('should classify HTTP %i statusCode %i as %s', (status, statusCode, expected) => {
    const error = eightByEightVoiceError(answer(status, notCreated(statusCode)));

    expect([error.code, error.details.vendorCode]).toEqual([expected, String(statusCode)]);
  });
});

describe(eightByEightRejected.name, () => {
  it.each([
    ['Invalid MSISDN', ProviderErrorCode.InvalidRecipient, '8x8 rejected the recipient (REJECTED)'],
    [
      'Source not allowed',
      ProviderErrorCode.VendorConfig,
      '8x8 refused this account or sender (REJECTED)',
    ],
    [undefined, ProviderErrorCode.VendorConfig, '8x8 refused this account or sender (REJECTED)'],
  ])('should classify a REJECTED SMS saying %p as %s', (description, code, message) => {
    const error = eightByEightRejected(description);

    expect([error.code, error.message]).toEqual([code, message]);
  });
});
