import FastifyOtelInstrumentation from '@fastify/otel';
import { Attributes, Span } from '@opentelemetry/api';
import { AwsInstrumentation } from '@opentelemetry/instrumentation-aws-sdk';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { IncomingMessage, RequestOptions } from 'node:http';

/** Probes and scrapes: every few seconds, never worth a trace. */
const UNTRACED = /^\/(health\/|metrics(\/|$|\?))/;

/**
 * The library instrumentations, set so that no span carries a query string (a vendor's receipt
 * may put a phone number there, a generic vendor URL a key), a Redis argument, or an exception
 * message. NestJS has none here: `@opentelemetry/instrumentation-nestjs-core` supports
 * `@nestjs/core` below 12, and the files it patches are imported as ES modules inside
 * `@nestjs/core`, which a `require` hook never sees; the gateway's own spans cover the hook.
 */
export function instrumentations(): NodeSDKConfiguration['instrumentations'] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => UNTRACED.test(request.url ?? ''),
      startIncomingSpanHook: withoutQuery,
      startOutgoingSpanHook: outgoingUrl,
    }),
    new FastifyOtelInstrumentation({
      registerOnInitialization: true,
      instrumentHooks: false,
      recordExceptions: false,
      ignorePaths: ({ url }) => UNTRACED.test(url),
      requestHook: (span, request) => span.setAttribute('url.path', pathOf(request.url)),
    }),
    new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (name) => name }),
    new AwsInstrumentation({
      preRequestHook: (span, { request }) => hideDestination(span, request),
    }),
    new PinoInstrumentation({ disableLogSending: true }),
  ];
}

/** SNS names a Publish's phone number as its destination; the span keeps only the kind. */
function hideDestination(span: Span, request: { commandInput?: Record<string, unknown> }): void {
  if (request.commandInput?.PhoneNumber === undefined) return;
  span.setAttributes({
    'messaging.destination': 'phone_number',
    'messaging.destination.name': 'phone_number',
  });
}

/** Drops `url.query` from a server span (undefined attributes are not recorded). */
function withoutQuery(_request: IncomingMessage): Attributes {
  return { 'url.query': undefined };
}

/** The vendor URL of a client span without its query string. */
function outgoingUrl(options: RequestOptions): Attributes {
  const host = options.hostname ?? options.host ?? 'localhost';
  const port = options.port ? `:${options.port}` : '';
  return { 'url.full': `${options.protocol ?? 'http:'}//${host}${port}${pathOf(options.path)}` };
}

function pathOf(url: string | null | undefined): string {
  return (url ?? '/').split('?')[0];
}
