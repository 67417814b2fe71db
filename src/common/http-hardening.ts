import {
  FastifyError,
  FastifyHttpOptions,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { Server, STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { ApiError, ApiErrorCode } from './api-error';
import { describeApiError, errorBody } from './api-error.body';
import { toApiError } from './api-error.filter';
import { installBodyParsers } from './body-parsers';
import { capConnectionsPerIp } from './connection-cap';
import { applyRoutePolicies, policyOf, RoutePolicies } from './route-policy';
import { ServerConfig } from './server.config';

/**
 * Sent on every response, errors, 404s, health and metrics included. The service answers
 * machines (Okta, vendors, Prometheus, the kubelet) and never renders a page, so the policy can
 * forbid everything a browser might do with a response.
 *
 * - `strict-transport-security`: always. Browsers ignore it over plain HTTP (RFC 6797 §8.1) and
 *   honour it once the TLS terminator in front passes it on; no `includeSubDomains`, which is
 *   the parent domain's decision.
 * - `cache-control: no-store` on /metrics too: Prometheus does not cache, and no proxy should
 *   hand out a stale scrape or keep an answer to Okta.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000',
});

/** What hardenHttp needs to know: the server's settings and each route's policy. */
export interface Hardening {
  readonly server: ServerConfig;
  readonly routes: RoutePolicies;
}

/**
 * Everything the service does to a request before its controller sees it, on every route and
 * method (404s included):
 * - `onRequest`: the security headers, first, so that every answer has them;
 * - `preParsing` (after the request's log context exists): on routes that authenticate before
 *   parsing (the hook and the event hook) the credentials, so that a refused request is 401
 *   whatever its body and its body is never read; then a 413 for a request that declares a body
 *   over its route's limit (`server.bodyLimitBytes`, or the route's own: `events.bodyLimitBytes`),
 *   even where no body is read (a GET);
 * - the body parsers (installBodyParsers): JSON everywhere, forms on callbacks, bounded and
 *   depth-checked as they stream in;
 * - at most `server.maxConnectionsPerIp` connections from one address.
 * Neither Node nor Fastify sends a `server` or `x-powered-by` banner.
 */
export function hardenHttp(fastify: FastifyInstance, { server, routes }: Hardening): void {
  applyRoutePolicies(fastify, routes);
  installBodyParsers(fastify);
  capConnectionsPerIp(fastify.server, server.maxConnectionsPerIp);
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    done();
  });
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const route = request.routeOptions;
    let waiting: Promise<void> | undefined;
    try {
      waiting = policyOf(request, route)?.authenticate?.authenticate(request);
    } catch (refused) {
      done(refused as Error);
      return;
    }
    const tooLarge = () => declaredTooLarge(request, route.bodyLimit);
    if (!waiting) done(tooLarge(), payload);
    else waiting.then(() => done(tooLarge(), payload), done);
  });
}

/** 413 before the body is read when content-length already says it is over the route's limit. */
function declaredTooLarge(request: FastifyRequest, bodyLimit: number): ApiError | undefined {
  const declared = request.headers['content-length'];
  return declared !== undefined && Number(declared) > bodyLimit
    ? new ApiError(ApiErrorCode.PayloadTooLarge)
    : undefined;
}

/**
 * Fastify options: the server's timeouts (a client gets `headersTimeoutMs` to send its headers and
 * `requestTimeoutMs` for the whole request, checked every second; a connection idle for
 * `connectionTimeoutMs` is closed), and the answers Fastify writes before any hook runs: a URL
 * it cannot decode (its own answer would echo the path) and a connection that does not speak
 * HTTP. Both get Okta's error shape and the security headers like every other response.
 */
export function hardeningOptions(
  server: ServerConfig,
): Pick<
  FastifyHttpOptions<Server>,
  'frameworkErrors' | 'clientErrorHandler' | 'connectionTimeout' | 'requestTimeout' | 'http'
> {
  return {
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    connectionTimeout: server.connectionTimeoutMs,
    requestTimeout: server.requestTimeoutMs,
    http: {
      headersTimeout: server.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, server.headersTimeoutMs),
    },
  };
}

function answerFrameworkError(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  const { status, summary } = describeApiError(toApiError(error));
  void reply.code(status).headers(SECURITY_HEADERS).send(errorBody(summary, []));
}

const CLIENT_ERRORS: Readonly<Record<string, ApiErrorCode>> = {
  ERR_HTTP_REQUEST_TIMEOUT: ApiErrorCode.RequestTimeout,
  HPE_HEADER_OVERFLOW: ApiErrorCode.HeadersTooLarge,
};
const NOT_HTTP = { status: 400, summary: 'Not a valid HTTP request' };
const RAW_HEADERS = Object.entries(SECURITY_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/** What Node would answer on a broken connection (see Fastify's default), in our shape. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = CLIENT_ERRORS[error.code ?? ''];
  const { status, summary } = code ? describeApiError(new ApiError(code)) : NOT_HTTP;
  const body = JSON.stringify(errorBody(summary, []));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\n` +
        `content-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n${RAW_HEADERS}\r\n${body}`,
    );
  }
  socket.destroy(error);
}
