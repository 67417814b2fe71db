import request from 'supertest';
import { VENDORS } from '../src/providers/vendors';
import { FakeTwilio, TWILIO_SID, TWILIO_TOKEN } from './support/fakes/twilio.fake';
import { HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { imageNode } from '../bench/image-node';
import { eventually } from './support/eventually';
import { listeningUrl, runMain, writeConfig } from './support/process';

describe('health and lifecycle (e2e)', () => {
  it('should report live and ready with config, store, breaker and shutdown details', async () => {
    const gateway = await startGateway(
      testConfig({ providers: { c: { type: 'console' } }, routing: { default: ['c'] } }),
    );
    try {
      const live = await gateway.http().get('/health/live').expect(200);
      const ready = await gateway.http().get('/health/ready').expect(200);

      expect(live.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
      expect(ready.body.status).toBe('ok');
      expect(ready.body.details).toEqual({
        config: { status: 'up', providers: 1 },
        store: {
          status: 'up',
          driver: 'memory',
          available: true,
          entries: 0,
          maxEntries: 20_000,
          onUnavailable: 'fail-open',
        },
        circuitBreakers: { status: 'up', c: 'closed' },
        shutdown: { status: 'up', draining: false },
      });
    } finally {
      await gateway.close();
    }
  });

  it('should start on the embedded default as the image runs node, no other environment, and deliver to the console', async () => {
    // As the image runs it: its ENTRYPOINT's node flags and its NODE_OPTIONS.
    const image = imageNode();
    expect(image.flags).toEqual([]);
    const proc = runMain({ PORT: '0', NODE_OPTIONS: image.nodeOptions }, image.flags);
    try {
      const url = await listeningUrl(proc);
      const res = await request(url)
        .post('/hooks/okta/telephony')
        .set('authorization', 'local-dev-secret')
        .send(hookRequest({ otpCode: '771234' }))
        .expect(200);

      expect(res.body.commands[0].value[0]).toMatchObject({
        status: 'SUCCESSFUL',
        provider: 'console',
      });
      // The child's log line may reach this process after the answer does.
      const console = await eventually(
        () => proc.stdout.find((l) => l.includes('console provider')),
        (line) => line !== undefined,
      );
      expect(console).toContain('"to":"+1********71"');
      // Message text never reaches a log line, not even the console provider's.
      expect(console).toContain('"text":"[redacted]"');
      expect(proc.stdout.join('\n')).not.toContain('771234');
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  });

  it('should fail readiness at once on SIGTERM, answer the in-flight hook, then exit 0', async () => {
    const twilio = await FakeTwilio.start();
    twilio.script(() => ({
      status: 201,
      delayMs: 700,
      body: { sid: 'SMslow000000000000000000000000000', status: 'queued' },
    }));
    const file = writeConfig(
      testConfig({
        server: { port: 0, shutdown: { drainDelayMs: 400, timeoutMs: 5000 } },
        providers: {
          tw: {
            type: 'twilio',
            accountSid: TWILIO_SID,
            authToken: TWILIO_TOKEN,
            from: '+15005550006',
            baseUrl: twilio.url,
          },
        },
        routing: { default: ['tw'] },
      }),
    );
    const proc = runMain({ CONFIG_FILE: file });
    try {
      const url = await listeningUrl(proc);
      const inFlight = request(url)
        .post('/hooks/okta/telephony')
        .set('authorization', HOOK_SECRET)
        .send(hookRequest());
      const answered = inFlight.then((r) => r);
      await new Promise((r) => setTimeout(r, 150));

      proc.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      const ready = await request(url).get('/health/ready');

      expect(ready.status).toBe(503);
      expect(ready.body.error.shutdown).toEqual({ status: 'down', draining: true });
      const hook = await answered;
      expect(hook.status).toBe(200);
      expect(hook.body.commands[0].value[0].transactionId).toBe(
        'SMslow000000000000000000000000000',
      );
      expect(await proc.exited).toBe(0);
    } finally {
      proc.child.kill('SIGKILL');
      await twilio.close();
    }
  });

  it('should refuse to boot on a bad file with one message listing every problem and no secret', async () => {
    const file = writeConfig({
      server: { port: 'eighty' },
      hook: {
        deadlineMs: 99999,
        auth: { headers: [{ name: 'authorization', secrets: ['super-secret-value-42'] }] },
      },
      providers: {
        tw: {
          type: 'twilio',
          accountSid: 'nope',
          authToken: 'very-secret-token-77',
          from: '+15005550006',
        },
        x: { type: 'carrier-pigeon' },
      },
      routing: { default: ['tw', 'missing'] },
      surprise: true,
    });
    const proc = runMain({ CONFIG_FILE: file });

    expect(await proc.exited).toBe(1);
    const message = proc.stderr.join('');
    expect(message.split('\n')).toEqual([
      `Configuration ${file} is invalid:`,
      '  - surprise: unknown key',
      '  - server.port: must be an integer from 0 to 65535',
      '  - hook.deadlineMs: must be an integer from 200 to 2900',
      '  - providers.tw.accountSid: must be a Twilio Account SID (AC followed by 32 hex digits)',
      `  - providers.x.type: must be one of ${Object.keys(VENDORS).join(', ')}`,
      // Checked although other keys failed: "tw" is declared, "missing" is not.
      '  - routing.default[1]: no provider "missing" in providers',
      '',
    ]);
    expect(message).not.toMatch(/super-secret-value-42|very-secret-token-77/);
  });

  it('should refuse the console provider, a well-known secret and a shared memory store in production', async () => {
    const file = writeConfig({
      server: { replicas: 3 },
      hook: {
        auth: {
          headers: [{ name: 'authorization', secrets: ['${HOOK_SECRET:-local-dev-secret}'] }],
        },
      },
      providers: { console: { type: 'console' } },
      routing: { default: ['console'] },
    });
    const proc = runMain({ CONFIG_FILE: file, NODE_ENV: 'production' });

    expect(await proc.exited).toBe(1);
    expect(proc.stderr.join('').split('\n').slice(1, -1)).toEqual([
      '  - providers.console: the console provider sends nothing and is refused in production',
      '  - hook.auth.headers[0].secrets[0]: well-known or shorter than 16 characters; refused in production',
      '  - store.driver: memory cannot be shared by more than one replica; use redis',
    ]);
  });
});
