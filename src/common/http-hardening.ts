import { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { ApiError, ApiErrorCode } from './api-error';
import { describeApiError, errorBody } from './api-error.body';
import { toApiError } from './api-error.filter';

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

/**
 * One Fastify `onRequest` hook, first thing of every routed request (404s included): the
 * security headers, and a 413 for any request that declares a body over `bodyLimitBytes`, on
 * every route and method (the parsers already refuse what they read; a GET's body they never
 * read). Neither Node nor Fastify sends a `server` or `x-powered-by` banner.
 */
export function hardenHttp(fastify: FastifyInstance, bodyLimitBytes: number): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    const declared = request.headers['content-length'];
    if (declared !== undefined && Number(declared) > bodyLimitBytes) {
      done(new ApiError(ApiErrorCode.PayloadTooLarge));
      return;
    }
    done();
  });
}

/**
 * Fastify options for the answers it writes before any hook runs: a URL it cannot decode (its
 * own answer would echo the path) and a connection that does not speak HTTP. Both get Okta's
 * error shape and the security headers like every other response.
 */
export function hardeningOptions(): Pick<
  FastifyServerOptions,
  'frameworkErrors' | 'clientErrorHandler'
> {
  return { frameworkErrors: answerFrameworkError, clientErrorHandler: answerClientError };
}

function answerFrameworkError(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  const { status, summary } = describeApiError(toApiError(error).code);
  void reply.code(status).headers(SECURITY_HEADERS).send(errorBody(summary, []));
}

const CLIENT_ERRORS: Readonly<Record<string, [number, string]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [431, 'Request headers are too large'],
};
const RAW_HEADERS = Object.entries(SECURITY_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/** What Node would answer on a broken connection (see Fastify's default), in our shape. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, summary] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Not a valid HTTP request'];
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
