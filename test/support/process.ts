import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { tempDir } from './temp-dir';

export const MAIN = resolve(__dirname, '../../dist/main.js');

export interface RunningProcess {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

/** Writes the config as YAML in a temp folder removed after the spec file. */
export function writeConfig(config: Record<string, unknown>): string {
  const file = join(tempDir('otg-proc-'), 'config.yaml');
  writeFileSync(file, stringify(config));
  return file;
}

/** Runs the built service (`node dist/main.js`, what the container runs), with these node flags. */
export function runMain(env: Record<string, string>, nodeFlags: string[] = []): RunningProcess {
  if (!existsSync(MAIN))
    throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, [...nodeFlags, MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout.on('data', (d: Buffer) => stdout.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stdout, stderr, exited };
}

/** The service's "listening" log line, once written. */
export interface ListeningLine {
  readonly msg: string;
  /** Where the socket is bound, e.g. `127.0.0.1:8080` or `0.0.0.0:8080`. */
  readonly address: string;
  /** A URL that reaches it from this machine. */
  readonly url: string;
}

/** Waits for the "listening" log line. */
export async function listeningLine(
  proc: RunningProcess,
  timeoutMs = 15_000,
): Promise<ListeningLine> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const line of proc.stdout) {
      const entry = JSON.parse(line) as Partial<ListeningLine>;
      if (entry.msg === 'okta-telephony-gateway listening' && entry.url) {
        return entry as ListeningLine;
      }
    }
    if (proc.child.exitCode !== null) throw new Error(`exited: ${proc.stderr.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the service did not start in time');
}

/** Waits for the "listening" log line and returns the URL it names. */
export async function listeningUrl(proc: RunningProcess, timeoutMs = 15_000): Promise<string> {
  return (await listeningLine(proc, timeoutMs)).url;
}

/**
 * NODE_OPTIONS that make the process write `aws-sdk modules loaded: N` to stderr as it exits,
 * N being how many AWS SDK modules it loaded.
 */
export function countingAwsSdkModules(): string {
  const preload = join(tempDir('otg-aws-count-'), 'count-aws-sdk.js');
  writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write('aws-sdk modules loaded: ' + " +
      "Object.keys(require.cache).filter((k) => k.includes('/node_modules/@aws-sdk/')).length + '\\n'));",
  );
  return `--require ${preload}`;
}

/** Stops the service with SIGTERM (graceful shutdown) and waits for it to exit. */
export async function stop(proc: RunningProcess): Promise<number | null> {
  proc.child.kill('SIGTERM');
  return proc.exited;
}
