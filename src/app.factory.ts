import { ValidationError, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from './common/validation-problems';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { AppModule, AppOptions } from './app.module';
import { ApiError, ApiErrorCode } from './common/api-error';
import { hardenHttp, hardeningOptions } from './common/http-hardening';
import { LoadedConfig } from './config/config.loader';
import { PinoNestLogger } from './observability/nest-logger';
import { logRequests, ROOT_LOGGER } from './observability/request-logging';
import { routePolicies } from './route-policies';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the application exactly as production runs it; main.ts and every e2e test call this,
 * so tests cannot drift from the real bootstrap.
 */
export async function createApp(
  loaded: LoadedConfig,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: loaded.config.server.bodyLimitBytes,
    genReqId: requestId,
    return503OnClosing: true,
    ...hardeningOptions(loaded.config.server),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(loaded, options),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      bodyParser: false, // hardenHttp installs the service's own bounded, depth-checked parsers
    },
  );
  app.useLogger(app.get(PinoNestLogger));
  const fastify = adapter.getInstance();
  hardenHttp(fastify, { server: loaded.config.server, routes: routePolicies(app, loaded.config) });
  logRequests(fastify, app.get(ROOT_LOGGER));
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: false,
      stopAtFirstError: true,
      exceptionFactory: toInvalidRequest,
    }),
  );
  return app;
}

/** The caller's `x-request-id` when it is a sane token, else a new one. */
function requestId(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  return id;
}

/** Validation problems as error causes: the field's path and the rule, never its value. */
export function toInvalidRequest(errors: ValidationError[]): ApiError {
  const causes = flattenValidationErrors(errors).map((p) => ({
    location: p.path,
    reason: p.message,
  }));
  return new ApiError(ApiErrorCode.InvalidRequest, causes);
}
