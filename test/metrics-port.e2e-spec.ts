import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import { loadConfig } from '../src/config/config.loader';
import { MetricsListener } from '../src/observability/metrics-listener';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { Scrape } from './support/prometheus';

const SEPARATE = { port: 0, host: '127.0.0.1', metricsPort: 0 };

describe('server.metricsPort (e2e)', () => {
  let gateway: Gateway;
  let metricsUrl: string;

  beforeAll(async () => {
    gateway = await startGateway(
      testConfig({
        server: SEPARATE,
        providers: { console: { type: 'console' } },
        routing: { default: ['console'] },
      }),
    );
    metricsUrl = `http://127.0.0.1:${gateway.app.get(MetricsListener).port()}`;
  });

  afterAll(() => gateway.close());

  it('should serve the Prometheus text on its own port, with what the hook counted', async () => {
    await gateway.hook(hookRequest()).expect(200);

    const res = await request(metricsUrl).get('/metrics').expect(200);
    const scrape = new Scrape(res.text);

    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(
      scrape.value('otg_hook_requests_total', {
        request_type: 'mfa-verification',
        channel: 'sms',
        outcome: 'sent',
      }),
    ).toBe(1);
    expect(scrape.families.get('process_cpu_seconds_total')).toBe('counter');
  });

  it('should answer 404 for /metrics on the main port, like any unknown route', async () => {
    const metrics = await gateway.http().get('/metrics').expect(404);
    const unknown = await gateway.http().get('/no-such-route').expect(404);

    expect(metrics.body).toEqual({ error: { errorSummary: 'Not found', errorCauses: [] } });
    expect(unknown.body).toEqual(metrics.body);
  });

  it('should answer 404 on the metrics port for anything but GET or HEAD /metrics', async () => {
    const head = await request(metricsUrl).head('/metrics').expect(200);
    const other = await request(metricsUrl).get('/hooks/okta/telephony').expect(404);
    const post = await request(metricsUrl).post('/metrics').send('x').expect(404);

    expect(head.text).toBeUndefined();
    expect(other.text).toBe('not found\n');
    expect(post.text).toBe('not found\n');
  });

  it('should print the metrics URL at boot', async () => {
    const line = await gateway.logs.waitFor((e) => e.msg === 'metrics listening');

    expect(line).toMatchObject({ context: 'Metrics', url: `${metricsUrl}/metrics` });
  });
});

describe('server.metricsPort: lifecycle and refusals (e2e)', () => {
  const config = testConfig({
    server: SEPARATE,
    providers: { console: { type: 'console' } },
    routing: { default: ['console'] },
  });

  it('should close the metrics port with the application', async () => {
    const gateway = await startGateway(config);
    const url = `http://127.0.0.1:${gateway.app.get(MetricsListener).port()}`;
    await request(url).get('/metrics').expect(200);

    await gateway.close();

    await expect(request(url).get('/metrics')).rejects.toThrow('ECONNREFUSED');
  });

  it('should refuse to boot when the metrics port is taken, with one clear reason', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(
        startGateway({ ...config, server: { ...SEPARATE, metricsPort: port } }),
      ).rejects.toThrow(`metrics port ${port} is in use; set server.metricsPort`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('should refuse a metrics port equal to the main port', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otg-metrics-port-'));
    const file = join(dir, 'config.yaml');
    writeFileSync(file, stringify({ ...config, server: { port: 9090, metricsPort: 9090 } }));
    try {
      expect(() => loadConfig({ CONFIG_FILE: file })).toThrow(
        `Configuration ${file} is invalid:\n  - server.metricsPort: must differ from server.port (9090)`,
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
