import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request as the fake vendor saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path with query string. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
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
  private responder: Responder;

  private constructor(
    private readonly server: Server,
    responder: Responder,
  ) {
    this.responder = responder;
  }

  static async start(responder: Responder): Promise<FakeServer> {
    const holder: { fake?: FakeServer } = {};
    const server = createServer((req, res) => void holder.fake?.handle(req, res));
    const fake = (holder.fake = new FakeServer(server, responder));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
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
    const request: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(request);
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
}
