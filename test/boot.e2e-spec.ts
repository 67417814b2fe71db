import { writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import { EXAMPLE_ENV, EXAMPLE_TEXT, statedVariables } from './support/example-config';
import { testConfig } from './support/gateway';
import { listeningLine, runMain, stop, writeConfig } from './support/process';
import { freePort, RedisServer, describeWithRedis } from './support/redis-server';
import { tempDir } from './support/temp-dir';

/** A port taken by another listener on every interface, as a second copy of the service would. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '0.0.0.0', listening));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

/**
 * config/production.example.yaml as written, but for `server.metricsPort` on a free port: its
 * 9090 may be taken on a shared machine (the main port comes from PORT).
 */
async function exampleOnAFreeMetricsPort(): Promise<string> {
  const text = EXAMPLE_TEXT.replace(/^( {2}metricsPort: )9090\b/m, `$1${await freePort()}`);
  if (text === EXAMPLE_TEXT) throw new Error('the example no longer sets server.metricsPort: 9090');
  const file = join(tempDir('otg-example-'), 'production.example.yaml');
  writeFileSync(file, text);
  return file;
}

/** Runs the built service with `env`; expects it to end with `line` on stderr, exit 1 and no error log. */
async function expectRefusal(env: Record<string, string>, line: string): Promise<void> {
  const proc = runMain(env);

  expect(await proc.exited).toBe(1);
  expect(proc.stderr.join('')).toBe(`${line}\n`);
  const errors = proc.stdout.filter((out) => (JSON.parse(out) as { level: number }).level >= 50);
  expect(errors).toEqual([]);
}

describe('boot (process)', () => {
  it('should bind the embedded default to 127.0.0.1 and say where it listens', async () => {
    const proc = runMain({ PORT: '0' });
    try {
      const line = await listeningLine(proc);
      const port = new URL(line.url).port;

      expect(line.address).toBe(`127.0.0.1:${port}`);
    } finally {
      await stop(proc);
    }
  });

  it('should bind a configuration of your own to every interface, and say so', async () => {
    const file = writeConfig(
      testConfig({ providers: { c: { type: 'console' } }, routing: { default: ['c'] } }),
    );
    const proc = runMain({ CONFIG_FILE: file });
    try {
      const line = await listeningLine(proc);

      expect(line.address).toBe(`0.0.0.0:${new URL(line.url).port}`);
    } finally {
      await stop(proc);
    }
  });

  it('should end with one clear line and exit code 1 when the port is in use', async () => {
    const { port, server } = await occupiedPort();
    try {
      await expectRefusal(
        { PORT: String(port) },
        `port ${port} is in use; set PORT or server.port`,
      );
    } finally {
      server.close();
    }
  });

  it('should name server.metricsPort in that one line when the metrics port is in use', async () => {
    const { port, server } = await occupiedPort();
    const file = writeConfig(
      testConfig({
        server: { port: 0, metricsPort: port },
        providers: { c: { type: 'console' } },
        routing: { default: ['c'] },
      }),
    );
    try {
      await expectRefusal(
        { CONFIG_FILE: file },
        `metrics port ${port} is in use; set server.metricsPort`,
      );
    } finally {
      server.close();
    }
  });
});

describeWithRedis('config/production.example.yaml (process)', () => {
  let redis: RedisServer;
  beforeAll(async () => (redis = await RedisServer.start()));
  afterAll(() => redis.close());

  it('should boot in production with exactly the variables it states at its top', async () => {
    const stated = Object.fromEntries(statedVariables().map((name) => [name, EXAMPLE_ENV[name]]));
    const proc = runMain({
      ...stated,
      REDIS_URL: redis.url,
      NODE_ENV: 'production',
      CONFIG_FILE: await exampleOnAFreeMetricsPort(),
      PORT: '0',
    });
    try {
      const line = await listeningLine(proc);

      expect(line.address).toMatch(/^0\.0\.0\.0:\d+$/);
      expect(proc.stderr.join('')).toBe('');
    } finally {
      await stop(proc);
    }
  });
});
