import { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ApiError, ApiErrorCode } from '../common/api-error';

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
 * bootstrap (app.factory.ts).
 */
export function keepRawBodies(fastify: FastifyInstance, bodyLimitBytes: number): void {
  fastify.addHook('preParsing', async (request: RawBodyRequest, _reply, payload) => {
    const config = request.routeOptions.config as Partial<typeof KEEPS_RAW_BODY>;
    if (!config.rawBody) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      size += (chunk as Buffer).length;
      if (size > bodyLimitBytes) throw new ApiError(ApiErrorCode.PayloadTooLarge);
      chunks.push(chunk as Buffer);
    }
    request.rawBody = Buffer.concat(chunks);
    const copy = Readable.from([request.rawBody], { objectMode: false });
    return Object.assign(copy, { receivedEncodedLength: size });
  });
}
