/** The closed set of errors the HTTP surface answers with; ApiErrorFilter maps each to a status. */
export enum ApiErrorCode {
  InvalidRequest = 'invalid-request',
  /** A query parameter of an admin route is wrong (the causes name it). */
  InvalidQuery = 'invalid-query',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  RequestTimeout = 'request-timeout',
  PayloadTooLarge = 'payload-too-large',
  UriTooLong = 'uri-too-long',
  UnsupportedMediaType = 'unsupported-media-type',
  HeadersTooLarge = 'headers-too-large',
  /** Any other 4xx the framework raises; ApiError.status keeps its status. */
  ClientError = 'client-error',
  /** An unexpected error on a route where a 5xx would make the caller retry it (RoutePolicy). */
  NotProcessed = 'not-processed',
  Unavailable = 'unavailable',
  StoreUnavailable = 'store-unavailable',
  Internal = 'internal',
}

/** One thing wrong with a request: where, and what (never the value itself). */
export interface ApiErrorCause {
  readonly location: string;
  readonly reason: string;
  /** Where `location` is: the body (default) or the query string. */
  readonly locationType?: 'body' | 'query';
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly causes: readonly ApiErrorCause[] = [],
    /** The framework's own 4xx status, for {@link ApiErrorCode.ClientError}. */
    readonly status?: number,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}
