import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config.loader';
import { LogCapture } from './gateway';

/** The `otg` executable of package.json's `bin`, as `npx otg` runs it. */
export const OTG = resolve(__dirname, '../../bin/otg.js');
const ROOT = resolve(__dirname, '../..');
/** Far above any command's work; a run that reaches it is killed and fails the test. */
const LIMIT_MS = 60_000;

export interface OtgRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `otg` as a person would: a child process (`node bin/otg.js ...`) from the repository
 * root, with only PATH, a HOME of its own (so no ~/.okta/okta.yaml of this machine is read)
 * and the variables given.
 */
export async function otg(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<OtgRun> {
  if (!existsSync(resolve(ROOT, 'dist/cli/main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` first (npm test does)');
  }
  const home = mkdtempSync(join(tmpdir(), 'otg-cli-home-'));
  try {
    return await new Promise<OtgRun>((done, fail) => {
      const child = spawn(process.execPath, [OTG, ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: home, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
      child.on('error', fail);
      child.on('close', (code) => {
        clearTimeout(timer);
        done({
          code,
          stdout: Buffer.concat(out).toString(),
          stderr: Buffer.concat(err).toString(),
        });
      });
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Output lines without trailing spaces, empty lines dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean);
}

/** A gateway under test and the configuration file it runs on, which `otg` reads too. */
export interface CliGateway {
  readonly url: string;
  readonly configFile: string;
  readonly logs: LogCapture;
  close(): Promise<void>;
}

/** Starts the gateway through the same factory as main.ts, on a config file removed at close. */
export async function startCliGateway(config: Record<string, unknown>): Promise<CliGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'otg-cli-gateway-'));
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, stringify(config));
  const logs = new LogCapture();
  const app = await createApp(loadConfig({ CONFIG_FILE: configFile }), { logDestination: logs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: await app.getUrl(),
    configFile,
    logs,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A YAML configuration in a temporary folder, and the removal of that folder. */
export function tempConfig(config: Record<string, unknown>): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'otg-cli-config-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, stringify(config));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A gateway whose hook takes Okta's OAuth 2.0 access tokens only, and no events secret. */
export const OAUTH_ONLY = {
  hook: {
    auth: {
      headers: [],
      oauth: {
        issuer: 'https://acme.okta.com/oauth2/default',
        audience: 'api://default',
        scopes: ['okta.telephony.send'],
      },
    },
  },
  providers: { c: { type: 'console' } },
  routing: { default: ['c'] },
};
