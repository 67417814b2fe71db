import { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ApiError, ApiErrorCode } from '../common/api-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by {@link KEEPS_RAW_BODY}. */
    rawBody?: true;
  }
}

/**
 * Fastify route config (`@RouteConfig`) of a route that needs the exact bytes of its body, as
 * vendor callbacks do for their signatures; every other route's body is parsed and its bytes
 * dropped.
 */
export const KEEPS_RAW_BODY = { rawBody: true } as const;

/** A request of a route with {@link KEEPS_RAW_BODY}, once its body was read. */
export type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

/**
 * Keeps the body of each {@link KEEPS_RAW_BODY} route as `request.rawBody`, read before the
 * parsers (which get the same bytes), never more than `bodyLimitBytes`. Registered by the
 * bootstrap (app.factory.ts); other routes pass through without a promise.
 */
export function keepRawBodies(fastify: FastifyInstance, bodyLimitBytes: number): void {
  fastify.addHook('preParsing', (request: RawBodyRequest, _reply, payload, done) => {
    const config = request.routeOptions.config as Partial<typeof KEEPS_RAW_BODY>;
    if (!config.rawBody) return done(null, payload);
    readAll(payload, bodyLimitBytes).then((raw) => {
      request.rawBody = raw;
      const copy = Readable.from([raw], { objectMode: false });
      done(null, Object.assign(copy, { receivedEncodedLength: raw.length }));
    }, done);
  });
}

async function readAll(payload: AsyncIterable<unknown>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiError(ApiErrorCode.PayloadTooLarge);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
