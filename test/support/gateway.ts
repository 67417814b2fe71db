import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { stringify } from 'yaml';
import { createApp } from '../../src/app.factory';
import { AppOptions } from '../../src/app.module';
import { loadConfig, LoadedConfig } from '../../src/config/config.loader';

export const HOOK_SECRET = 'test-hook-secret-0123456789';

/** Log lines written by the app under test, parsed. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /**
   * The first entry matching `predicate`, waiting for it when it is not written yet (a request's
   * `request completed` line may follow its answer): an event awaited, not a time.
   */
  async waitFor(
    predicate: (entry: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>> {
    for (let i = 0; i < 200; i++) {
      const found = this.entries().find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('no such log line was written');
  }
}

export interface Gateway {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly logs: LogCapture;
  /** The config file it started from; removed once loaded. */
  readonly configFile: string;
  /** POST /hooks/okta/telephony with the hook secret. */
  hook(body: unknown, secret?: string): request.Test;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/** A config with a hook secret and quiet defaults; sections given here replace the defaults. */
export function testConfig(sections: Record<string, unknown>): Record<string, unknown> {
  return {
    server: { port: 0 },
    hook: { auth: { headers: [{ name: 'authorization', secrets: [HOOK_SECRET] }] } },
    ...sections,
  };
}

/**
 * Writes the config as YAML and starts the app through the same factory as main.ts; `options`
 * may give it a clock the test moves.
 */
export async function startGateway(
  config: Record<string, unknown>,
  env: Record<string, string> = {},
  options: Pick<AppOptions, 'clock'> = {},
): Promise<Gateway> {
  const dir = mkdtempSync(join(tmpdir(), 'otg-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, stringify(config));
  const logs = new LogCapture();
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig({ ...env, CONFIG_FILE: file });
  } finally {
    // The file is read once, at load: nothing is left behind, whether it loads or not.
    rmSync(dir, { recursive: true, force: true });
  }
  const app = await createApp(loaded, { logDestination: logs, ...options });
  // A test that must know its URL before the start (an OIDC redirect URI) gives server.port.
  const port = (config.server as { port?: number } | undefined)?.port ?? 0;
  await app.listen({ port, host: '127.0.0.1' });
  const url = await app.getUrl();
  return {
    app,
    url,
    logs,
    configFile: file,
    hook: (body, secret = HOOK_SECRET) =>
      request(url)
        .post('/hooks/okta/telephony')
        .set('authorization', secret)
        .send(body as object),
    http: () => request(url),
    close: () => app.close(),
  };
}
