import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answersPing, ProbeTls } from './redis-probe';
import { describeOrSkip, findBinary } from './skip';

/** `redis-server` on the PATH, if installed. */
export const REDIS_BINARY = findBinary('redis-server');

const PACKAGES: Readonly<Record<string, string>> = {
  'redis-server': 'redis-server',
  'redis-sentinel': 'redis-sentinel',
  openssl: 'openssl',
};

/**
 * `describe` for specs that need real programs (redis-server by default): skipped with a printed
 * reason when one is missing, except under CI=true, where a missing program fails the run.
 */
export function describeWithRedis(
  name: string,
  body: () => void,
  programs: readonly string[] = ['redis-server'],
): void {
  const missing = programs.filter((program) => !findBinary(program));
  const reason = `${missing.join(', ')} not installed (apt-get install ${missing.map((p) => PACKAGES[p] ?? p).join(' ')})`;
  if (missing.length > 0 && process.env.CI === 'true') {
    return describe(name, () => {
      it('should find the programs it needs (CI must install them)', () => {
        throw new Error(reason);
      });
    });
  }
  describeOrSkip(missing.length > 0 ? reason : undefined, name, body);
}

/** How to start one server: which program, its arguments after port/bind/dir, a config file. */
export interface RedisServerOptions {
  /** `redis-server` (default) or `redis-sentinel`. */
  readonly program?: string;
  /** More arguments, given the port: e.g. a TLS port instead of the plain one. */
  readonly args?: (port: number) => string[];
  /** Content of a config file written in the server's directory (a sentinel needs one). */
  readonly configFile?: string;
  /** Probe over TLS (a server with `--port 0`). */
  readonly probeTls?: ProbeTls;
}

/** Servers started and not closed: killed and removed if the test process exits before. */
const open = new Set<RedisServer>();
process.once('exit', () => open.forEach((server) => server.abandon()));

/**
 * A throwaway redis-server (or redis-sentinel) on 127.0.0.1: a free port, a temporary
 * directory, no persistence. It can be stopped (or killed) and started again on the same port.
 */
export class RedisServer {
  private child?: ChildProcess;
  /** The end of what the program printed, for the error when it exits at start. */
  private output = '';

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly options: RedisServerOptions,
  ) {}

  /** Starts on a free port, and on another if that one is taken meanwhile (onFreshPorts). */
  static start(options: RedisServerOptions = {}): Promise<RedisServer> {
    return onFreshPorts(() => RedisServer.startOnce(options));
  }

  /** One try on a free port: a failure if it was taken before the server bound it. */
  static async startOnce(options: RedisServerOptions = {}): Promise<RedisServer> {
    const dir = mkdtempSync(join(tmpdir(), 'otg-redis-'));
    const server = new RedisServer(await freePort(), dir, options);
    open.add(server);
    try {
      await server.resume();
    } catch (error) {
      await server.close();
      throw error;
    }
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** `127.0.0.1:<port>`, as `store.redis` names a sentinel or a cluster node. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port and waits until it answers PING. */
  async resume(): Promise<void> {
    const program = this.options.program ?? 'redis-server';
    const binary = findBinary(program);
    if (!binary) throw new Error(`${program} is not installed`);
    const child = spawn(binary, this.arguments(program), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (text: string) => (this.output = (this.output + text).slice(-2_000)));
    }
    const until = Date.now() + 10_000;
    while (!(await answersPing(this.port, this.options.probeTls))) {
      if (child.exitCode !== null) {
        const said = this.output.trim().split('\n').slice(-3).join(' | ');
        throw new Error(`${program} exited at start: ${said || 'it printed nothing'}`);
      }
      if (Date.now() > until) throw new Error(`${program} did not start in time`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops the server (SIGTERM, or SIGKILL to play a crash) and waits for it to exit. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill(signal);
    await exited;
    this.child = undefined;
  }

  /** Stops the server and removes its directory. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
    open.delete(this);
  }

  /** At process exit (a test that failed before its afterAll): synchronous, best effort. */
  abandon(): void {
    this.child?.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  private arguments(program: string): string[] {
    const file = join(this.dir, 'redis.conf');
    // Written once: a sentinel rewrites its file with what it learnt.
    if (this.options.configFile !== undefined && !existsSync(file)) {
      writeFileSync(file, this.options.configFile);
    }
    const config = this.options.configFile !== undefined ? [file] : [];
    const place = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir];
    const quiet = program === 'redis-server' ? ['--save', '', '--appendonly', 'no'] : [];
    const extra = this.options.args?.(this.port) ?? [];
    return [...config, ...place, ...quiet, '--loglevel', 'warning', ...extra];
  }
}

const PORT_ATTEMPTS = 3;

/**
 * Runs `start`, which picks free ports and starts a server on them, again when a port was taken
 * between picking and binding (another test's server, an outgoing connection's local port).
 */
export async function onFreshPorts<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (!portTaken(error) || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

function portTaken(error: unknown): boolean {
  return error instanceof Error && /exited at start: .*Address already in use/.test(error.message);
}

/** A port nobody listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
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
