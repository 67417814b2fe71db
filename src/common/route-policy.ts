import { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Checks a request's credentials from its headers alone: throws (or rejects with)
 * `ApiError(Unauthorized)`; returns a promise only when the check has to wait (OAuth).
 */
export interface EarlyAuthenticator {
  authenticate(request: FastifyRequest): Promise<void> | undefined;
}

/**
 * What an unexpected error (a bug, not a refusal) answers on a route, chosen by who calls it
 * and what they do with the answer (docs/security.md):
 * - `internal`: 500 (the telephony hook: Okta never retries it, and falls back on any non-200);
 * - `not-retried`: 400 (the event hook: Okta retries a 5xx once, never a 4xx);
 * - `acknowledged`: an empty 200 (vendor callbacks: some vendors retry any non-2xx for hours).
 */
export type UnexpectedErrorAnswer = 'internal' | 'not-retried' | 'acknowledged';

/** How one route treats a request before its controller sees it. */
export interface RoutePolicy {
  /** Largest body, in bytes; `server.bodyLimitBytes` when absent. */
  readonly bodyLimitBytes?: number;
  /** Form-encoded bodies are parsed (vendor callbacks); elsewhere they get 415. */
  readonly forms?: boolean;
  /** The body's exact bytes are kept as `request.rawBody` (vendor callbacks' signatures). */
  readonly keepsRawBody?: boolean;
  /** Authenticates the request before its body is read: a refused body is never parsed. */
  readonly authenticate?: EarlyAuthenticator;
  /** `internal` when absent. */
  readonly onUnexpectedError?: UnexpectedErrorAnswer;
}

/** Route path as Fastify knows it (`/callbacks/:providerId/:kind`) → its policy. */
export type RoutePolicies = Readonly<Record<string, RoutePolicy>>;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/**
 * Gives each route its policy and its body limit as Fastify registers it (routes are registered
 * when the application initialises, after this call).
 */
export function applyRoutePolicies(fastify: FastifyInstance, policies: RoutePolicies): void {
  fastify.addHook('onRoute', (route) => {
    const policy = Object.hasOwn(policies, route.url) ? policies[route.url] : undefined;
    if (!policy) return;
    route.config = { ...route.config, policy };
    if (policy.bodyLimitBytes !== undefined) route.bodyLimit = policy.bodyLimitBytes;
  });
}

/**
 * The policy of the route this request matched (none for an unknown route). Pass the request's
 * `routeOptions` when the caller reads them anyway: Fastify builds that object anew on each read.
 */
export function policyOf(
  request: FastifyRequest,
  route: FastifyRequest['routeOptions'] = request.routeOptions,
): RoutePolicy | undefined {
  return (route.config as { policy?: RoutePolicy } | undefined)?.policy;
}
