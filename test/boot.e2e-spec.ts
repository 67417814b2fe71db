import { createServer, Server } from 'node:net';
import { EXAMPLE_ENV, EXAMPLE_FILE, statedVariables } from './support/example-config';
import { testConfig } from './support/gateway';
import { listeningLine, runMain, stop, writeConfig } from './support/process';
import { RedisServer, describeWithRedis } from './support/redis-server';

/** A port taken by another listener on every interface, as a second copy of the service would. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '0.0.0.0', listening));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
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
      const proc = runMain({ PORT: String(port) });

      expect(await proc.exited).toBe(1);
      expect(proc.stderr.join('')).toBe(`port ${port} is in use; set PORT or server.port\n`);
      const errors = proc.stdout.filter(
        (line) => (JSON.parse(line) as { level: number }).level >= 50,
      );
      expect(errors).toEqual([]);
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
      CONFIG_FILE: EXAMPLE_FILE,
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
