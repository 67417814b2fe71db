import { ProviderError, ProviderErrorCode } from '../../provider-error';

const { Transient, RateLimited, VendorConfig } = ProviderErrorCode;

/** What the AWS SDK puts on the errors it throws; every field may be missing. */
export interface AwsSdkError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

/** One AWS service's view of its errors. */
export interface AwsErrorTable {
  /** Words for our messages, e.g. `Amazon SNS`. */
  readonly service: string;
  /**
   * The class of a service-specific exception, when its name (or, for a few, its fields)
   * says more than the HTTP status. Undefined falls back to the common rules.
   */
  classify(name: string, error: AwsSdkError): ProviderErrorCode | undefined;
}

/** Names any AWS front end may answer, whatever the service (SigV4, IAM, throttling). */
const COMMON: Readonly<Record<string, ProviderErrorCode>> = {
  AccessDenied: VendorConfig,
  AccessDeniedException: VendorConfig,
  InvalidClientTokenId: VendorConfig,
  SignatureDoesNotMatch: VendorConfig,
  UnrecognizedClientException: VendorConfig,
  IncompleteSignature: VendorConfig,
  MissingAuthenticationToken: VendorConfig,
  ExpiredToken: VendorConfig,
  ExpiredTokenException: VendorConfig,
  RequestExpired: VendorConfig,
  CredentialsProviderError: VendorConfig,
  Throttling: RateLimited,
  ThrottlingException: RateLimited,
  RequestLimitExceeded: RateLimited,
  TooManyRequestsException: RateLimited,
  InternalFailure: Transient,
  ServiceUnavailable: Transient,
};

const DESCRIPTION: Readonly<Record<ProviderErrorCode, string>> = {
  [ProviderErrorCode.Transient]: 'failed',
  [ProviderErrorCode.RateLimited]: 'rate limit',
  [ProviderErrorCode.VendorConfig]: 'refused this account or sender',
  [ProviderErrorCode.InvalidRecipient]: 'rejected the recipient',
  [ProviderErrorCode.OptedOut]: 'says the recipient opted out',
  [ProviderErrorCode.UnsupportedChannel]: 'cannot use this channel',
};

/**
 * Classifies whatever an AWS SDK `send` threw. The message names the exception and the HTTP
 * status only: the SDK's own message may quote the phone number.
 */
export function awsError(error: unknown, signal: AbortSignal, table: AwsErrorTable): ProviderError {
  const sdk = (typeof error === 'object' && error !== null ? error : {}) as AwsSdkError;
  const name = typeof sdk.name === 'string' ? sdk.name : 'Error';
  if (signal.aborted || name === 'AbortError') {
    return new ProviderError(Transient, `${table.service} call aborted (timed out)`);
  }
  const status = sdk.$metadata?.httpStatusCode;
  const httpStatus = typeof status === 'number' ? status : undefined;
  const code = table.classify(name, sdk) ?? COMMON[name] ?? byStatus(httpStatus, sdk.$fault);
  const where = httpStatus === undefined ? 'no HTTP answer' : `HTTP ${httpStatus}`;
  const vendorCode = /^[A-Za-z0-9.]{1,64}$/.test(name) ? name : 'Error';
  return new ProviderError(
    code,
    `${table.service} ${DESCRIPTION[code]} (${vendorCode}, ${where})`,
    { vendorCode, httpStatus },
  );
}

/** 429 rate-limited, 5xx and answerless failures (network, bad body) transient, other 4xx ours. */
function byStatus(status: number | undefined, fault: unknown): ProviderErrorCode {
  if (status === 429) return RateLimited;
  if (status === undefined || status >= 500 || fault === 'server') return Transient;
  return VendorConfig;
}

/** The SDK's message, for classification only (never copied into our errors). */
export function sdkMessage(error: AwsSdkError): string {
  return typeof error.message === 'string' ? error.message : '';
}
