import { STATUS_CODES } from 'node:http';
import { ApiError, ApiErrorCause, ApiErrorCode } from './api-error';

export interface ErrorBody {
  error: {
    errorSummary: string;
    errorCauses: { errorSummary: string; reason: string; locationType: string; location: string }[];
  };
}

/** HTTP status and the summary Okta shows, for each error code. */
export function describeApiError({ code, status }: ApiError): { status: number; summary: string } {
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
    case ApiErrorCode.RequestTimeout:
      return { status: 408, summary: 'The request took too long to arrive' };
    case ApiErrorCode.PayloadTooLarge:
      return { status: 413, summary: 'Request body is too large' };
    case ApiErrorCode.UriTooLong:
      return { status: 414, summary: 'The URL or one of its path segments is too long' };
    case ApiErrorCode.UnsupportedMediaType:
      return { status: 415, summary: 'Request body must be application/json' };
    case ApiErrorCode.HeadersTooLarge:
      return { status: 431, summary: 'Request headers are too large' };
    case ApiErrorCode.ClientError:
      return clientError(status);
    case ApiErrorCode.NotProcessed:
      return { status: 400, summary: 'The request could not be processed' };
    case ApiErrorCode.Unavailable:
      return { status: 503, summary: 'Service is shutting down' };
    case ApiErrorCode.StoreUnavailable:
      return { status: 503, summary: 'The shared store is unavailable; try again shortly' };
    case ApiErrorCode.Internal:
      return { status: 500, summary: 'Internal error' };
  }
}

/** A 4xx as the framework gave it, with the standard reason phrase. */
function clientError(status: number | undefined): { status: number; summary: string } {
  const code = status !== undefined && status >= 400 && status < 500 ? status : 400;
  return { status: code, summary: STATUS_CODES[code] ?? 'Bad Request' };
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
