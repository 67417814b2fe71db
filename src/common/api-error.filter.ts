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
import { REFUSAL_LISTENERS, RefusalListener } from './refusal-listener';
import { scrubDigits } from './scrub';

const BY_STATUS: Readonly<Record<number, ApiErrorCode>> = {
  400: ApiErrorCode.InvalidRequest,
  401: ApiErrorCode.Unauthorized,
  403: ApiErrorCode.Forbidden,
  404: ApiErrorCode.NotFound,
  405: ApiErrorCode.NotFound,
  413: ApiErrorCode.PayloadTooLarge,
  415: ApiErrorCode.UnsupportedMediaType,
  503: ApiErrorCode.Unavailable,
};

/**
 * The one place errors become HTTP answers: Okta's error-object shape, a status from the closed
 * code set, and never a stack trace, secret or phone number.
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
    const error = toApiError(exception);
    if (error.code === ApiErrorCode.Internal) {
      this.logger.error({ err: errorName(exception) }, 'unhandled error');
    }
    const { status, summary } = describeApiError(error.code);
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    for (const listener of this.listeners) listener.refused(request, status);
    void reply
      .status(status)
      .header('content-type', 'application/json')
      .send(errorBody(summary, error.causes));
  }
}

/** Maps anything thrown (ours, Nest's, Fastify's) onto the closed code set. */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof ApiError) return exception;
  const status =
    exception instanceof HttpException ? exception.getStatus() : fastifyStatus(exception);
  return new ApiError(BY_STATUS[status ?? 500] ?? ApiErrorCode.Internal);
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
