/** The closed set of errors the HTTP surface answers with; ApiErrorFilter maps each to a status. */
export enum ApiErrorCode {
  InvalidRequest = 'invalid-request',
  /** A query parameter of an admin route is wrong (the causes name it). */
  InvalidQuery = 'invalid-query',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  PayloadTooLarge = 'payload-too-large',
  UnsupportedMediaType = 'unsupported-media-type',
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
  ) {
    super(code);
    this.name = 'ApiError';
  }
}
