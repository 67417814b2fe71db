import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { stringify } from 'yaml';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/config.loader';
import { EventHookService } from '../../src/events/event-hook.service';
import { eventHookDelivery, Json } from '../../test/support/okta-events';

const HOOK_SECRET = 'fraud-sim-hook-secret-0123456789';
const EVENT_SECRET = 'fraud-sim-event-secret-0123456789';
const ADMIN_TOKEN = 'fraud-sim-admin-token-0123456789';

/** The simulation's clock: the run's start plus simulated time. */
export class SimClock implements Clock {
  private simulated = 0;

  constructor(readonly start: number) {}

  now(): number {
    return this.start + this.simulated;
  }

  set(simulatedMs: number): void {
    this.simulated = Math.max(this.simulated, simulatedMs);
  }
}

/** Warn lines the gateway wrote, kept by message (the first few of each), the rest counted. */
export class WarnLines extends Writable {
  readonly samples = new Map<string, Record<string, unknown>[]>();
  readonly counts = new Map<string, number>();

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const msg = String(entry.msg);
      this.counts.set(msg, (this.counts.get(msg) ?? 0) + 1);
      const kept = this.samples.get(msg) ?? [];
      if (kept.length < 5) this.samples.set(msg, [...kept, entry]);
    }
    done();
  }
}

/** The real gateway (createApp, as main.ts builds it) on the simulation's clock, driven in process. */
export class SimGateway {
  readonly logs = new WarnLines();
  private app?: NestFastifyApplication;
  private readonly dir = mkdtempSync(join(tmpdir(), 'otg-fraud-'));

  constructor(private readonly protection: Record<string, unknown>) {}

  async start(clock: Clock): Promise<void> {
    const file = join(this.dir, 'config.yaml');
    writeFileSync(file, stringify(this.config()));
    this.app = await createApp(loadConfig({ CONFIG_FILE: file }), {
      logDestination: this.logs,
      clock,
    });
    await this.app.init();
  }

  /** POST /hooks/okta/telephony; the Okta answer's value. */
  async hook(body: object): Promise<{ status: string; transactionMetadata: string }> {
    const res = await this.inject('POST', '/hooks/okta/telephony', HOOK_SECRET, body);
    const answer = res.json<{
      commands: { value: { status: string; transactionMetadata: string }[] }[];
    }>();
    return answer.commands[0].value[0];
  }

  /** POST /hooks/okta/events, then waits until the gateway has processed them. */
  async events(events: Json[]): Promise<void> {
    await this.inject('POST', '/hooks/okta/events', EVENT_SECRET, eventHookDelivery(events));
    // Okta's events are processed after the 200; the replay waits, so every seed replays alike.
    await this.app!.get(EventHookService).beforeApplicationShutdown();
  }

  async watchlist(): Promise<unknown> {
    return (await this.inject('GET', '/protection/watchlist', `Bearer ${ADMIN_TOKEN}`)).json();
  }

  async close(): Promise<void> {
    await this.app?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async inject(method: 'GET' | 'POST', url: string, authorization: string, body?: object) {
    const res = await this.app!.inject({
      method,
      url,
      headers: { authorization, 'content-type': 'application/json' },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  }

  private config(): Record<string, unknown> {
    return {
      server: { port: 0 },
      logging: { level: 'warn' },
      hook: { auth: { headers: [{ name: 'authorization', secrets: [HOOK_SECRET] }] } },
      events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_SECRET] }] } },
      providers: { console: { type: 'console' } },
      routing: { default: ['console'] },
      protection: this.protection,
      store: { driver: 'memory', memoryMaxEntries: 2_000_000 },
      admin: { tokens: [ADMIN_TOKEN] },
    };
  }
}
