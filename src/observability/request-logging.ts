import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { assignLogContext, RequestLogStore, requestLogStorage } from './log-context';

/** The process's one pino logger (see LoggingModule). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Probes and scrapes run every few seconds; their success is not worth a line. */
const QUIET_ROUTES: ReadonlySet<string> = new Set(['/health/live', '/health/ready', '/metrics']);
/** Okta's hooks; their body's `eventId` joins the request's log lines. */
const OKTA_HOOKS = '/hooks/okta/';
/** An eventId worth logging: a plain token, as Okta sends (e.g. `uS5871kJThSsU8qlA1LTcg`). */
const EVENT_ID = /^[A-Za-z0-9._:+/=-]{1,128}$/;

/**
 * Request correlation and the one `request completed` line, as three Fastify hooks rather than
 * Nest middleware (no middie, no route matching per request): every request runs inside the
 * request log store (log-context.ts) with its own fields, so each line written while it runs (by
 * any `new Logger()`) carries its `requestId`, and `eventId` / `transactionId` once known.
 * Registered by the bootstrap (app.factory.ts).
 */
export function logRequests(fastify: FastifyInstance, root: Logger): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    requestLogStorage.run(new RequestLogStore(root, request.id), done);
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    if (request.routeOptions.url?.startsWith(OKTA_HOOKS)) assignEventId(request.body);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    completed(root, request, reply);
    done();
  });
}

/** Method, route pattern (never the raw path), status and time; never headers or body. */
function completed(root: Logger, request: FastifyRequest, reply: FastifyReply): void {
  const route = request.routeOptions.url;
  if (route !== undefined && QUIET_ROUTES.has(route)) return;
  // requestId given here too: a request refused by an earlier onRequest hook has no store.
  const fields = {
    requestId: request.id,
    method: request.method,
    route: route ?? '(no route)',
    status: reply.statusCode,
    durationMs: Math.round(reply.elapsedTime * 10) / 10,
  };
  if (reply.statusCode >= 500) root.error(fields, 'request completed');
  else root.info(fields, 'request completed');
}

function assignEventId(body: unknown): void {
  const eventId = (body as { eventId?: unknown } | null | undefined)?.eventId;
  if (typeof eventId === 'string' && EVENT_ID.test(eventId)) assignLogContext({ eventId });
}
