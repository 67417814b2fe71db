import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { ProviderError, ProviderErrorCode } from '../../provider-error';
import { VendorHttpClient } from './vendor-http.client';

describe(VendorHttpClient.name, () => {
  let server: Server;
  let base: string;
  const sockets = new Set<Socket>();
  const seen: {
    method?: string;
    url?: string;
    headers: IncomingMessage['headers'];
    body: string;
  }[] = [];
  let handler: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        handler(req, res);
      });
    });
    server.on('connection', (s: Socket) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    seen.length = 0;
    sockets.clear();
    handler = (_req, res) =>
      res.writeHead(201, { 'retry-after': '3', 'x-multi': ['a', 'b'] }).end('{"ok":1}');
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('should send method, path below the base path, headers and body, and return the answer', async () => {
    const sut = new VendorHttpClient({ baseUrl: `${base}/prefix/`, maxSockets: 4 });

    const res = await sut.request({
      method: 'POST',
      path: '/v1/messages',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: '{"text":"é"}',
      signal: new AbortController().signal,
    });

    expect(res).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'x-multi': 'a, b' }),
      body: '{"ok":1}',
      retryAfterMs: 3000,
    });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/prefix/v1/messages',
      body: '{"text":"é"}',
    });
    expect(seen[0].headers).toMatchObject({ authorization: 'Bearer k', 'content-length': '13' });
    await sut.close();
  });

  it('should accept an absolute URL and reuse one keep-alive connection', async () => {
    const sut = new VendorHttpClient({ baseUrl: 'http://unused.invalid', maxSockets: 4 });
    const signal = new AbortController().signal;

    for (let i = 0; i < 3; i++) await sut.request({ method: 'GET', path: `${base}/x${i}`, signal });

    expect(seen.map((r) => r.url)).toEqual(['/x0', '/x1', '/x2']);
    expect(sockets.size).toBe(1);
    await sut.close();
  });

  it('should turn an abort into a transient "timed out" error', async () => {
    handler = () => undefined;
    const sut = new VendorHttpClient({ baseUrl: base, maxSockets: 4 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);

    const error = await sut
      .request({ method: 'GET', path: '/hang', signal: controller.signal })
      .catch((e: unknown) => e);

    expect(error).toEqual(new ProviderError(ProviderErrorCode.Transient, 'timed out'));
    await sut.close();
  });

  it('should turn a refused connection into a transient network error', async () => {
    const sut = new VendorHttpClient({ baseUrl: 'http://127.0.0.1:1', maxSockets: 4 });

    const error = await sut
      .request({ method: 'GET', path: '/', signal: new AbortController().signal })
      .catch((e: unknown) => e);

    expect(error).toEqual(
      new ProviderError(ProviderErrorCode.Transient, 'network error (ECONNREFUSED)'),
    );
  });

  it('should refuse an answer over 1 MiB', async () => {
    handler = (_req, res) => res.writeHead(200).end(Buffer.alloc(1024 * 1024 + 1, 'a'));
    const sut = new VendorHttpClient({ baseUrl: base, maxSockets: 4 });

    const error = await sut
      .request({ method: 'GET', path: '/big', signal: new AbortController().signal })
      .catch((e: unknown) => e);

    expect(error).toEqual(new ProviderError(ProviderErrorCode.Transient, 'network error (failed)'));
    await sut.close();
  });

  it('should turn an answer cut off mid-body into a transient network error', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '100' }).write('{"sid":');
      setImmediate(() => res.socket?.destroy());
    };
    const sut = new VendorHttpClient({ baseUrl: base, maxSockets: 4 });

    const error = await sut
      .request({ method: 'GET', path: '/cut', signal: new AbortController().signal })
      .catch((e: unknown) => e);

    expect(error).toEqual(
      new ProviderError(ProviderErrorCode.Transient, 'network error (ECONNRESET)'),
    );
    await sut.close();
  });
});
