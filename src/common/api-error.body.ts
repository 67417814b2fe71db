import { ApiErrorCause, ApiErrorCode } from './api-error';

export interface ErrorBody {
  error: {
    errorSummary: string;
    errorCauses: { errorSummary: string; reason: string; locationType: string; location: string }[];
  };
}

/** HTTP status and the summary Okta shows, for each error code. */
export function describeApiError(code: ApiErrorCode): { status: number; summary: string } {
  switch (code) {
    case ApiErrorCode.InvalidRequest:
      return { status: 400, summary: 'The request is not a valid Okta hook request' };
    case ApiErrorCode.InvalidQuery:
      return { status: 400, summary: 'The query parameters are not valid' };
    case ApiErrorCode.Unauthorized:
      return { status: 401, summary: 'Authentication failed' };
    case ApiErrorCode.Forbidden:
      return { status: 403, summary: 'Request signature is not valid' };
    case ApiErrorCode.NotFound:
      return { status: 404, summary: 'Not found' };
    case ApiErrorCode.PayloadTooLarge:
      return { status: 413, summary: 'Request body is too large' };
    case ApiErrorCode.UnsupportedMediaType:
      return { status: 415, summary: 'Request body must be application/json' };
    case ApiErrorCode.Unavailable:
      return { status: 503, summary: 'Service is shutting down' };
    case ApiErrorCode.StoreUnavailable:
      return { status: 503, summary: 'The shared store is unavailable; try again shortly' };
    case ApiErrorCode.Internal:
      return { status: 500, summary: 'Internal error' };
  }
}

/** Okta's error-object shape, used for every error the service answers. */
export function errorBody(summary: string, causes: readonly ApiErrorCause[]): ErrorBody {
  return {
    error: {
      errorSummary: summary,
      errorCauses: causes.map((c) => ({
        errorSummary: `${c.location}: ${c.reason}`,
        reason: c.reason,
        locationType: c.locationType ?? 'body',
        location: c.location,
      })),
    },
  };
}
