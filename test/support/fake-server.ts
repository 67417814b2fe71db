import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { AddressInfo, Socket } from 'node:net';

/** One request as the fake vendor saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path with query string. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** 1, 2, 3...: which connection it came on, in the order the server saw them. */
  readonly connection: number;
}

/** A certificate and its key, PEM, for a fake served over HTTPS. */
export interface FakeTls {
  readonly key: string;
  readonly cert: string;
}

export interface FakeResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Objects are sent as JSON. */
  readonly body?: unknown;
  readonly delayMs?: number;
}

/** `'hang'` keeps the connection open without answering until the server closes. */
export type Responder = (
  request: RecordedRequest,
) => FakeResponse | 'hang' | Promise<FakeResponse | 'hang'>;

/**
 * A real HTTP server on 127.0.0.1 standing in for a vendor: it records every request and
 * answers through a responder that a test can change.
 */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests whose client closed the connection before the answer was written (aborted calls). */
  abandoned = 0;
  /**
   * When set, a request that arrives on a connection which already carried one is read and its
   * connection closed without a byte of answer: a vendor closing an idle keep-alive connection
   * just as the client reuses it.
   */
  closeReusedConnections = false;
  private responder: Responder;
  private readonly connections = new WeakMap<Socket, { id: number; served: number }>();
  private connectionCount = 0;

  private constructor(
    private readonly server: Server,
    responder: Responder,
    private readonly secure = false,
  ) {
    this.responder = responder;
  }

  /** Over HTTPS with `tls`, whose certificate must name IP 127.0.0.1. */
  static async start(responder: Responder, tls?: FakeTls): Promise<FakeServer> {
    const holder: { fake?: FakeServer } = {};
    const handle = (req: IncomingMessage, res: ServerResponse) =>
      void holder.fake?.handle(req, res);
    const server = tls ? createTlsServer(tls, handle) : createServer(handle);
    const fake = (holder.fake = new FakeServer(server, responder, tls !== undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `${this.secure ? 'https' : 'http'}://127.0.0.1:${port}`;
  }

  respondWith(responder: Responder): void {
    this.responder = responder;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const connection = this.connectionOf(req.socket);
    const request: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      connection: connection.id,
    };
    this.requests.push(request);
    const reused = connection.served++ > 0;
    if (this.closeReusedConnections && reused) {
      req.socket.destroy();
      return;
    }
    res.on('close', () => {
      if (!res.writableFinished) this.abandoned += 1;
    });
    const answer = await this.responder(request);
    if (answer === 'hang') return;
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    const isText = typeof answer.body === 'string' || answer.body === undefined;
    const payload = isText ? (answer.body ?? '') : JSON.stringify(answer.body);
    const type = isText ? 'text/plain' : 'application/json';
    res.writeHead(answer.status, { 'content-type': type, ...answer.headers });
    res.end(payload);
  }

  private connectionOf(socket: Socket): { id: number; served: number } {
    let connection = this.connections.get(socket);
    if (!connection) {
      connection = { id: ++this.connectionCount, served: 0 };
      this.connections.set(socket, connection);
    }
    return connection;
  }
}
