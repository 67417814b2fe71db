import { ProviderError, ProviderErrorCode } from '../../provider-error';
import { awsError, AwsErrorTable } from './aws.errors';

const table: AwsErrorTable = { service: 'Amazon Test', classify: () => undefined };
const live = new AbortController().signal;
const sdkError = (name: string, status?: number, fault?: 'client' | 'server') =>
  Object.assign(new Error('The number +14155552671 is not allowed'), {
    name,
    $fault: fault,
    $metadata: status === undefined ? undefined : { httpStatusCode: status },
  });

describe(awsError.name, () => {
  it.each([
    ['AccessDenied', 403, ProviderErrorCode.VendorConfig],
    ['InvalidClientTokenId', 403, ProviderErrorCode.VendorConfig],
    ['SignatureDoesNotMatch', 403, ProviderErrorCode.VendorConfig],
    ['UnrecognizedClientException', 400, ProviderErrorCode.VendorConfig],
    ['ExpiredTokenException', 400, ProviderErrorCode.VendorConfig],
    ['Throttling', 400, ProviderErrorCode.RateLimited],
    ['ThrottlingException', 400, ProviderErrorCode.RateLimited],
    ['Unknown', 429, ProviderErrorCode.RateLimited],
    ['Unknown', 502, ProviderErrorCode.Transient],
    ['ServiceUnavailable', 503, ProviderErrorCode.Transient],
    ['SomethingNew', 400, ProviderErrorCode.VendorConfig],
  ])('should classify %s (HTTP %i) from any AWS front end as %s', (name, status, expected) => {
    const sut = awsError(sdkError(name, status, status >= 500 ? 'server' : 'client'), live, table);

    expect(sut).toBeInstanceOf(ProviderError);
    expect(sut.code).toBe(expected);
    expect(sut.details).toEqual({ vendorCode: name, httpStatus: status });
    expect(sut.message).toMatch(new RegExp(`^Amazon Test .+ \\(${name}, HTTP ${status}\\)$`));
    expect(sut.message).not.toContain('4155552671');
  });

  it('should call an aborted call transient, whatever the SDK threw', () => {
    const aborted = AbortSignal.abort();
    const abortError = Object.assign(new Error('Request aborted'), { name: 'AbortError' });

    expect(awsError(abortError, live, table).message).toBe('Amazon Test call aborted (timed out)');
    expect(awsError(sdkError('InternalError', 500), aborted, table).code).toBe(
      ProviderErrorCode.Transient,
    );
  });

  it('should call missing credentials a problem of this account', () => {
    const sut = awsError(sdkError('CredentialsProviderError'), live, table);

    expect(sut.code).toBe(ProviderErrorCode.VendorConfig);
    expect(sut.message).toBe(
      'Amazon Test refused this account or sender (CredentialsProviderError, no HTTP answer)',
    );
  });

  it('should call a connection failure transient and never echo an odd error name', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const odd = sdkError('call +14155552671 failed', 400);

    expect(awsError(refused, live, table).message).toBe(
      'Amazon Test failed (Error, no HTTP answer)',
    );
    expect(awsError(odd, live, table).message).toBe(
      'Amazon Test refused this account or sender (Error, HTTP 400)',
    );
    expect(awsError('not an error', live, table).code).toBe(ProviderErrorCode.Transient);
  });
});
