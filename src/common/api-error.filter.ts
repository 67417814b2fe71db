import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, ApiErrorCode } from './api-error';
import { describeApiError, errorBody } from './api-error.body';
import { noteRefusalReason, REFUSAL_LISTENERS, RefusalListener } from './refusal-listener';
import { policyOf } from './route-policy';
import { scrubDigits } from './scrub';

const BY_STATUS: Readonly<Record<number, ApiErrorCode>> = {
  400: ApiErrorCode.InvalidRequest,
  401: ApiErrorCode.Unauthorized,
  403: ApiErrorCode.Forbidden,
  404: ApiErrorCode.NotFound,
  405: ApiErrorCode.NotFound,
  408: ApiErrorCode.RequestTimeout,
  413: ApiErrorCode.PayloadTooLarge,
  414: ApiErrorCode.UriTooLong,
  415: ApiErrorCode.UnsupportedMediaType,
  431: ApiErrorCode.HeadersTooLarge,
  503: ApiErrorCode.Unavailable,
};

/**
 * The one place errors become HTTP answers: Okta's error-object shape, a status from the closed
 * code set, and never a stack trace, secret or phone number. An unexpected error is logged and
 * answered as its route's policy says (RoutePolicy.onUnexpectedError).
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiErrorFilter.name);

  constructor(
    @Optional()
    @Inject(REFUSAL_LISTENERS)
    private readonly listeners: readonly RefusalListener[] = [],
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const error = this.answerFor(exception, request);
    if (!error) {
      this.tell(request, 200);
      void reply.status(200).header('content-type', 'text/plain').send('');
      return;
    }
    const { status, summary } = describeApiError(error);
    this.tell(request, status);
    void reply
      .status(status)
      .header('content-type', 'application/json')
      .send(errorBody(summary, error.causes));
  }

  /** The error to answer; for an unexpected one, as the route's policy says (none: an empty 200). */
  private answerFor(exception: unknown, request: FastifyRequest): ApiError | undefined {
    const error = toApiError(exception);
    if (error.code !== ApiErrorCode.Internal) return error;
    const route = `${request.method} ${request.routeOptions.url ?? '(no route)'}`;
    this.logger.error({ err: errorName(exception), route }, 'unhandled error');
    noteRefusalReason(request, 'error'); // whatever the route answers (RoutePolicy)
    const answer = policyOf(request)?.onUnexpectedError ?? 'internal';
    if (answer === 'acknowledged') return undefined;
    return answer === 'not-retried' ? new ApiError(ApiErrorCode.NotProcessed) : error;
  }

  private tell(request: FastifyRequest, status: number): void {
    for (const listener of this.listeners) listener.refused(request, status);
  }
}

/**
 * Maps anything thrown (ours, Nest's, Fastify's, Node's) onto the closed code set. A 4xx keeps
 * its status; anything else without one of ours is Internal.
 */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof ApiError) return exception;
  const status =
    exception instanceof HttpException ? exception.getStatus() : fastifyStatus(exception);
  if (status === undefined) return new ApiError(ApiErrorCode.Internal);
  const known = BY_STATUS[status];
  if (known) return new ApiError(known);
  return status >= 400 && status < 500
    ? new ApiError(ApiErrorCode.ClientError, [], status)
    : new ApiError(ApiErrorCode.Internal);
}

function fastifyStatus(exception: unknown): number | undefined {
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function errorName(exception: unknown): string {
  return exception instanceof Error
    ? scrubDigits(`${exception.name}: ${exception.message}`)
    : typeof exception;
}
