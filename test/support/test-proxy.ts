import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

/** A real forward proxy (npm `proxy`) on 127.0.0.1 that logs what it was asked to do. */
export class TestProxy {
  /** `CONNECT host:port` for tunnels, `METHOD absolute-url` for plain HTTP, in order. */
  readonly log: string[] = [];

  private constructor(private readonly server: Server) {
    server.prependListener('connect', (req: { url?: string }) =>
      this.log.push(`CONNECT ${req.url}`),
    );
    server.prependListener('request', (req: { method?: string; url?: string }) =>
      this.log.push(`${req.method} ${req.url}`),
    );
  }

  static async start(): Promise<TestProxy> {
    const server = createProxy(createServer());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new TestProxy(server);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A proxy URL where nothing listens: a port that was free a moment ago. */
export async function deadProxyUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}
