import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

export const MAIN = resolve(__dirname, '../../dist/main.js');

export interface RunningProcess {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

export function writeConfig(config: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'otg-proc-')), 'config.yaml');
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

/** Waits for the "listening" log line and returns the URL it names. */
export async function listeningUrl(proc: RunningProcess, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const line of proc.stdout) {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'okta-telephony-gateway listening' && entry.url) return entry.url;
    }
    if (proc.child.exitCode !== null) throw new Error(`exited: ${proc.stderr.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the service did not start in time');
}
