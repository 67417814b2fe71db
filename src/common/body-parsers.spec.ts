import Fastify, { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';
import { installBodyParsers, RawBodyRequest } from './body-parsers';

/**
 * A server whose two routes answer whether they got the raw body, and the parsed one; an error
 * is answered with its ApiError code, as the gateway's error filter would map it.
 */
async function server(limit = 1024): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: limit });
  installBodyParsers(app);
  app.setErrorHandler((error, _request, reply) =>
    reply.code(400).send({ code: error instanceof ApiError ? error.code : 'other' }),
  );
  const handler = (request: RawBodyRequest) => ({
    raw: request.rawBody?.toString('utf8') ?? null,
    parsed: request.body,
  });
  app.post('/callbacks/p/status', { config: { policy: { keepsRawBody: true } } }, handler);
  app.post('/hooks/okta/telephony', handler);
  await app.ready();
  return app;
}

describe(installBodyParsers.name, () => {
  const body = '{ "a" : 1 }';

  it('should keep the exact bytes on a route that asks for them, and still parse them', async () => {
    const sut = await server();

    const res = await sut.inject({
      method: 'POST',
      url: '/callbacks/p/status',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });

    expect(res.json()).toEqual({ raw: body, parsed: { a: 1 } });
    await sut.close();
  });

  it('should keep no bytes on any other route', async () => {
    const sut = await server();

    const res = await sut.inject({
      method: 'POST',
      url: '/hooks/okta/telephony',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });

    expect(res.json()).toEqual({ raw: null, parsed: { a: 1 } });
    await sut.close();
  });

  it('should refuse a body over the limit without reading on', async () => {
    const sut = await server(8);

    const res = await sut.inject({
      method: 'POST',
      url: '/callbacks/p/status',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      payload: '{"long":"0123456789"}',
    });

    expect(res.json()).toEqual({ code: 'payload-too-large' });
    await sut.close();
  });
});
