import { createServer, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { ProviderError, ProviderErrorCode } from '../../provider-error';
import { VendorHttpClient } from './vendor-http.client';

/** What the fake vendor does with a request after the first one it ever saw. */
type Later = 'answer' | 'close-if-reused' | 'close-after-a-byte' | 'close';

describe(`${VendorHttpClient.name} on reused connections`, () => {
  let server: Server;
  let base: string;
  let later: Later;
  let onLater = () => undefined as void;
  const seen: { connection: number; url: string }[] = [];
  const connections = new Map<Socket, number>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!connections.has(req.socket)) connections.set(req.socket, connections.size + 1);
      const connection = connections.get(req.socket)!;
      const reused = seen.some((s) => s.connection === connection);
      const first = seen.length === 0;
      seen.push({ connection, url: req.url ?? '' });
      req.resume();
      req.on('end', () => {
        if (!first) onLater();
        if (first || later === 'answer' || (later === 'close-if-reused' && !reused)) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(`{"n":${seen.length}}`);
        } else if (later === 'close-after-a-byte') {
          req.socket.end('H', () => req.socket.destroy());
        } else req.socket.destroy();
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    seen.length = 0;
    connections.clear();
    later = 'answer';
    onLater = () => undefined;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const post = (sut: VendorHttpClient, path: string, signal = new AbortController().signal) =>
    sut.request({ method: 'POST', path, body: '{}', signal });

  it('should send once more on a new connection when the vendor closed the reused one before answering', async () => {
    const sut = new VendorHttpClient({ baseUrl: base, maxSockets: 1 });
    await post(sut, '/first');
    later = 'close-if-reused';

    const res = await post(sut, '/second');

    expect(res.body).toBe('{"n":3}');
    expect(seen).toEqual([
      { connection: 1, url: '/first' },
      { connection: 1, url: '/second' },
      { connection: 2, url: '/second' },
    ]);
    await sut.close();
  });

  it('should never send again once a byte of the answer arrived', async () => {
    const sut = new VendorHttpClient({ baseUrl: base, maxSockets: 1 });
    await post(sut, '/first');
    later = 'close-after-a-byte';

    const error = await post(sut, '/second').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe(ProviderErrorCode.Transient);
    expect(seen).toEqual([
      { connection: 1, url: '/first' },
      { connection: 1, url: '/second' },
    ]);
    await sut.close();
  });

  it('should send again at most once', async () => {
    const sut = new VendorHttpClient({ baseUrl: base, maxSockets: 1 });
    await post(sut, '/first');
    later = 'close';

    const error = await post(sut, '/second').catch((e: unknown) => e);

    expect(error).toEqual(
      new ProviderError(ProviderErrorCode.Transient, 'network error (ECONNRESET)'),
    );
    expect(seen).toEqual([
      { connection: 1, url: '/first' },
      { connection: 1, url: '/second' },
      { connection: 2, url: '/second' },
    ]);
    await sut.close();
  });

  it('should not send again when the attempt ran out of time', async () => {
    const sut = new VendorHttpClient({ baseUrl: base, maxSockets: 1 });
    await post(sut, '/first');
    const attempt = new AbortController();
    later = 'close';
    onLater = () => attempt.abort();

    const error = await post(sut, '/second', attempt.signal).catch((e: unknown) => e);

    expect(error).toEqual(new ProviderError(ProviderErrorCode.Transient, 'timed out'));
    expect(seen.map((s) => s.url)).toEqual(['/first', '/second']);
    await sut.close();
  });

  it('should close a connection idle for idleTimeoutMs, so that the vendor never closes it first', async () => {
    const sut = new VendorHttpClient({ baseUrl: base, maxSockets: 1, idleTimeoutMs: 100 });
    await post(sut, '/first');
    const [socket] = connections.keys();
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    later = 'close-if-reused';

    await post(sut, '/second');

    expect(seen).toEqual([
      { connection: 1, url: '/first' },
      { connection: 2, url: '/second' },
    ]);
    await sut.close();
  });
});
