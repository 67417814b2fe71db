import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';

/** Where the metrics listener binds (`server.metricsPort`, `server.host`). */
export interface MetricsListenerOptions {
  readonly port: number;
  readonly host: string;
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * `GET /metrics` on a port of its own, so that a NetworkPolicy can let Prometheus in without
 * opening the hook. Opens with the application, closes after the main listener, so scrapes
 * keep working while the gateway drains.
 */
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private readonly server: Server;

  constructor(
    private readonly registry: Registry,
    private readonly options: MetricsListenerOptions,
  ) {
    this.server = createServer((req, res) => void this.answer(req, res));
  }

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.options;
    await new Promise<void>((resolve, reject) => {
      const refused = (error: NodeJS.ErrnoException): void =>
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`metrics port ${port} is in use; set server.metricsPort`)
            : error,
        );
      this.server.once('error', refused);
      this.server.listen(port, host, () => {
        this.server.off('error', refused);
        resolve();
      });
    });
    this.server.on('error', (error) => this.logger.error({ err: error }, 'metrics listener error'));
    this.logger.log({ url: `http://${host}:${this.port()}/metrics` }, 'metrics listening');
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** The port actually bound (the configured one, or the one the system chose for 0). */
  port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    try {
      const text = await this.registry.metrics();
      res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE });
      res.end(req.method === 'HEAD' ? undefined : text);
    } catch (error) {
      this.logger.error({ err: error }, 'metrics scrape failed');
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('scrape failed\n');
    }
  }
}
