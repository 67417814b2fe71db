import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { azureError, refusedRecipient } from './azure-acs.errors';

const restError = (statusCode: number, code?: string, retryAfter?: string) =>
  new RestError('Invalid To phone number +14155552671', {
    statusCode,
    code,
    response: {
      status: statusCode,
      headers: createHttpHeaders(retryAfter ? { 'retry-after': retryAfter } : {}),
      request: createPipelineRequest({ url: 'https://acme.communication.azure.com/sms' }),
    },
  });

describe(azureError.name, () => {
  it.each([
    [
      400,
      'BadRequest',
      ProviderErrorCode.VendorConfig,
      'Azure Communication Services refused this account or sender (HTTP 400, code BadRequest)',
    ],
    [
      401,
      'Denied',
      ProviderErrorCode.VendorConfig,
      'Azure Communication Services refused this account or sender (HTTP 401, code Denied)',
    ],
    [
      429,
      'TooManyRequests',
      ProviderErrorCode.RateLimited,
      'Azure Communication Services rate limit (HTTP 429, code TooManyRequests)',
    ],
    [503, undefined, ProviderErrorCode.Transient, 'Azure Communication Services failed (HTTP 503)'],
  ])('should classify HTTP %i (%s) as %s', (status, code, expected, message) => {
    const error = azureError(restError(status, code));

    expect([error.code, error.message]).toEqual([expected, message]);
  });

  it('should keep Retry-After, and drop a code that quotes a number', () => {
    expect(azureError(restError(429, 'To+14155552671Throttled', '3')).details).toEqual({
      httpStatus: 429,
      vendorCode: undefined,
      retryAfterMs: 3000,
    });
  });

  it('should pass our own errors through and call anything else transient', () => {
    const timeout = new ProviderError(ProviderErrorCode.Transient, 'timed out');

    expect(azureError(timeout)).toBe(timeout);
    expect(azureError(new TypeError('boom')).message).toBe('Azure Communication Services failed');
  });
});

describe(refusedRecipient.name, () => {
  it.each([
    [400, ProviderErrorCode.InvalidRecipient],
    [401, ProviderErrorCode.VendorConfig],
    [429, ProviderErrorCode.RateLimited],
    [500, ProviderErrorCode.Transient],
  ])('should classify a recipient refused with %i as %s', (httpStatusCode, code) => {
    const error = refusedRecipient({
      to: '+14155552671',
      httpStatusCode,
      successful: false,
      errorMessage: 'x',
    });

    expect([error.code, error.message.includes('4155552671')]).toEqual([code, false]);
  });
});
