import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOrSkip, onPath } from './skip';

/** `redis-server` on the PATH, if installed (CI installs the Debian package). */
export const REDIS_BINARY = onPath('redis-server');

const MISSING = 'redis-server is not installed (apt-get install redis-server)';

/**
 * `describe` for specs that need a real Redis: skipped with a printed reason when the binary is
 * missing, except under CI=true, where a missing binary fails the run instead.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (!REDIS_BINARY && process.env.CI === 'true') {
    return describe(name, () => {
      it('should find redis-server (CI must install it)', () => {
        throw new Error(MISSING);
      });
    });
  }
  describeOrSkip(REDIS_BINARY ? undefined : MISSING, name, body);
}

/**
 * A throwaway redis-server on 127.0.0.1: a free port, a temporary directory, no persistence.
 * It can be stopped and started again on the same port, to play an outage.
 */
export class RedisServer {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'otg-redis-')));
    await server.resume();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port and waits until it answers PING. */
  async resume(): Promise<void> {
    if (!REDIS_BINARY) throw new Error(MISSING);
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir];
    const quiet = ['--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
    this.child = spawn(REDIS_BINARY, [...args, ...quiet], { stdio: 'ignore' });
    const until = Date.now() + 10_000;
    while (!(await answersPing(this.port))) {
      if (Date.now() > until) throw new Error('redis-server did not start in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops the server (SIGTERM) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
  }

  /** Stops the server and removes its directory. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
