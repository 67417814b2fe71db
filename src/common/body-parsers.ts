import { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseForm } from 'node:querystring';
import { Readable } from 'node:stream';
import { ApiError, ApiErrorCode } from './api-error';
import { DepthGauge } from './depth-gauge';
import { hasForbiddenKey } from './forbidden-keys';
import { JsonScanner } from './json-scanner';
import { policyOf } from './route-policy';

type Done = (error: Error | null, body?: unknown) => void;

/** A request of a route whose policy `keepsRawBody`, once its body was read: the bytes received. */
export type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * The only two body formats the service reads, on every route: JSON, and forms where the route's
 * policy takes them (vendor callbacks; elsewhere 415). Both stream the body, bounded by the
 * route's limit (413 as soon as it is passed). JSON's nesting is measured as it arrives, so a body
 * nested deeper than MAX_JSON_DEPTH is refused with 400 before the rest is read and before
 * anything parses it, at linear cost; a body JSON.parse refuses gets 400 too. Both say what is
 * wrong and where, never quoting the body. Any other type gets 415. A route marked
 * whose policy `keepsRawBody` also gets the bytes as `request.rawBody`; every other route's bytes
 * are dropped once parsed.
 */
export function installBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPE, (request: RawBodyRequest, payload, done: Done) => {
    const route = request.routeOptions;
    const keepRaw = policyOf(request, route)?.keepsRawBody;
    const gauge = new DepthGauge();
    readBody(
      request,
      route.bodyLimit,
      payload,
      (chunk) => gauge.feed(chunk) >= 0,
      (error, raw) => {
        if (error || !raw) return done(error);
        if (keepRaw) request.rawBody = raw;
        const [refusal, body] = parseJson(raw);
        done(refusal, body);
      },
    );
  });
  fastify.addContentTypeParser(FORM_TYPE, (request: RawBodyRequest, payload, done: Done) => {
    const route = request.routeOptions;
    const policy = policyOf(request, route);
    if (!policy?.forms) return done(new ApiError(ApiErrorCode.UnsupportedMediaType));
    readBody(
      request,
      route.bodyLimit,
      payload,
      () => false,
      (error, raw) => {
        if (error || !raw) return done(error);
        if (policy.keepsRawBody) request.rawBody = raw;
        const form = parseForm(raw.toString('utf8'));
        done(Object.hasOwn(form, '__proto__') ? forbiddenProperty() : null, form);
      },
    );
  });
}

/**
 * The body's value, or the 400 that says why it is refused (an empty body is refused too). A
 * leading UTF-8 byte order mark is skipped, as RFC 8259 §8.1 lets a parser do.
 */
function parseJson(raw: Buffer): [ApiError | null, unknown?] {
  const text = raw.toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return [whyNotJson(raw)];
  }
  return hasForbiddenKey(body) ? [forbiddenProperty()] : [null, body];
}

/** True for a JSON content type in any spelling (`Application/JSON; charset=UTF-8`). */
export function isJsonContentType(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  return (value ?? '').split(';')[0].trim().toLowerCase() === JSON_TYPE;
}

/**
 * Reads the whole body within the route's `limit` (its `bodyLimit`, which route policies set; a
 * declared content-length over it was refused before, in http-hardening's preParsing). A chunk
 * `tooDeep` says is nested too deep ends the read, and JsonScanner says where.
 */
function readBody(
  request: FastifyRequest,
  limit: number,
  payload: Readable,
  tooDeep: (chunk: Buffer) => boolean,
  finish: (error: Error | null, raw?: Buffer) => void,
): void {
  const declared = Number(request.headers['content-length']);
  const chunks: Buffer[] = [];
  let received = 0;
  const stop = (error: Error | null, raw?: Buffer) => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onError);
    finish(error, raw);
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) return stop(new ApiError(ApiErrorCode.PayloadTooLarge));
    chunks.push(chunk);
    if (tooDeep(chunk)) stop(whyNotJson(Buffer.concat(chunks, received)));
  };
  const onEnd = () =>
    !Number.isNaN(declared) && declared !== received
      ? stop(new ApiError(ApiErrorCode.InvalidRequest, [LENGTH_MISMATCH]))
      : stop(null, Buffer.concat(chunks, received));
  const onError = () => stop(new ApiError(ApiErrorCode.InvalidRequest, [ABORTED]));
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onError);
  payload.resume();
}

const LENGTH_MISMATCH = {
  location: 'body',
  reason: 'the body is not as long as content-length says',
};
const ABORTED = { location: 'body', reason: 'the body was not received in full' };

/**
 * The 400 for a body JSON.parse refused or DepthGauge stopped: JsonScanner finds what is wrong
 * and where. With nothing wrong in its syntax, it was a `__proto__` or `constructor.prototype`.
 */
function whyNotJson(raw: Buffer): ApiError {
  const scanner = new JsonScanner();
  const problem = scanner.feed(raw) ?? scanner.end();
  if (!problem) return forbiddenProperty();
  const where = `line ${problem.line}, column ${problem.column} (byte ${problem.offset})`;
  const reason =
    problem.kind === 'depth'
      ? `${problem.reason}, at ${where}`
      : `the body is not valid JSON: ${problem.reason}, at ${where}`;
  return new ApiError(ApiErrorCode.InvalidRequest, [{ location: 'body', reason }]);
}

function forbiddenProperty(): ApiError {
  return new ApiError(ApiErrorCode.InvalidRequest, [
    { location: 'body', reason: 'the body has a __proto__ or constructor.prototype property' },
  ]);
}
