import { FastifyInstance } from 'fastify';

/**
 * Sent on every response, errors, 404s, health and metrics included. The service answers
 * machines (Okta, vendors, Prometheus, the kubelet), never renders a page, so the policy can
 * forbid everything a browser might do with a response.
 *
 * - `strict-transport-security`: always. Browsers ignore it over plain HTTP (RFC 6797 §8.1) and
 *   honour it once the TLS terminator in front passes it on; no `includeSubDomains`, which is
 *   the parent domain's decision.
 * - `cache-control: no-store` on /metrics too: Prometheus does not cache, and no proxy should
 *   hand out a stale scrape or keep an OTP answer.
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
 * Sets the security headers as the first thing of every request (a Fastify hook rather than a
 * Nest interceptor: it also covers 404s, body-limit and parser errors, and costs one call).
 * Neither Node nor Fastify sends a `server` or `x-powered-by` banner.
 */
export function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    done();
  });
}
