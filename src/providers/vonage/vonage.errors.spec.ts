import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { vonageHttpError, vonageSmsError } from './vonage.errors';

const { Transient, RateLimited, VendorConfig, InvalidRecipient } = ProviderErrorCode;

const answer = (status: number, body: unknown, retryAfterMs?: number): VendorResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfterMs,
});

describe(vonageSmsError.name, () => {
  it.each([
    ['1', RateLimited],
    ['2', VendorConfig],
    ['3', VendorConfig],
    ['4', VendorConfig],
    ['5', Transient],
    ['6', InvalidRecipient],
    ['7', InvalidRecipient],
    ['8', VendorConfig],
    ['9', VendorConfig],
    ['10', Transient],
    ['11', VendorConfig],
    ['12', VendorConfig],
    ['14', VendorConfig],
    ['15', VendorConfig],
    ['22', VendorConfig],
    ['23', VendorConfig],
    ['29', VendorConfig],
    ['32', VendorConfig],
    ['33', InvalidRecipient],
    ['99', VendorConfig],
  ])('should classify SMS API status %s as %s', (status, expected) => {
    const error = vonageSmsError(status);

    expect(error.code).toBe(expected);
    expect(error.details).toEqual({ vendorCode: status });
    expect(error.message).toMatch(new RegExp(`^Vonage [a-z ]+ \\(status ${status}\\)$`));
  });

  it('should say so when a part has no status', () => {
    expect(vonageSmsError(undefined).message).toBe(
      'Vonage refused this account or sender (no status)',
    );
  });
});

describe(vonageHttpError.name, () => {
  const problem = (code: string) => ({
    type: `https://developer.nexmo.com/api-errors/messages#${code}`,
    title: 'Invalid recipient',
    detail: 'The number +447700900000 is barred',
    instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf',
  });

  it.each([
    [429, '1000', RateLimited],
    [500, '1030', Transient],
    [422, '1040', InvalidRecipient],
    [422, '1050', InvalidRecipient],
    [403, '1060', VendorConfig],
    [402, '1070', VendorConfig],
    [422, '1080', VendorConfig],
    [503, '1100', Transient],
    [422, '1120', VendorConfig],
    [422, '1150', VendorConfig],
  ])('should classify HTTP %i with problem code %s as %s', (status, code, expected) => {
    const error = vonageHttpError(answer(status, problem(code)));

    expect(error.code).toBe(expected);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: code,
      retryAfterMs: undefined,
    });
    expect(error.message).not.toContain('7700900000');
  });

  it.each([
    [401, VendorConfig],
    [402, VendorConfig],
    [422, VendorConfig],
    [429, RateLimited],
    [500, Transient],
    [504, Transient],
  ])('should classify HTTP %i without a problem code as %s', (status, expected) => {
    const error = vonageHttpError(answer(status, '<html>error</html>', 2000));

    expect(error.code).toBe(expected);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: undefined,
      retryAfterMs: 2000,
    });
  });
});
