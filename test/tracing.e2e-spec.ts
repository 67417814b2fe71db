import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { FakeTwilio, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { HOOK_SECRET, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { OtlpReceiver, outline, ReceivedSpan } from './support/otlp-receiver';
import { listeningUrl, RunningProcess, runMain, writeConfig } from './support/process';
import { describeWithRedis, RedisServer } from './support/redis-server';
import { AWS_TEST_CREDENTIALS } from './support/fakes/aws.fake';
import { FakeSns, snsError } from './support/fakes/sns.fake';

/** Okta's `traceparent`, as a W3C trace context header sent by a caller that samples. */
const OKTA_TRACE = '0af7651916cd43dd8448eb211c80319c';
const OKTA_SPAN = 'b7ad6b7169203331';
const TRACEPARENT = `00-${OKTA_TRACE}-${OKTA_SPAN}-01`;

const dir = mkdtempSync(join(tmpdir(), 'otg-tracing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Reports at exit how many OpenTelemetry modules besides the API the process loaded. */
const COUNT_SDK = join(dir, 'count-otel-sdk.js');
writeFileSync(
  COUNT_SDK,
  "process.on('exit', () => process.stderr.write('otel sdk modules loaded: ' + " +
    "Object.keys(require.cache).filter((k) => /node_modules\\/@opentelemetry\\/(?!api\\/)/.test(k)).length + '\\n'));",
);

/** Runs `node dist/main.js` with this config and env until `work` is done, then SIGTERM. */
async function withGateway(
  config: Record<string, unknown>,
  env: Record<string, string>,
  work: (url: string, proc: RunningProcess) => Promise<void>,
): Promise<RunningProcess> {
  const file = writeConfig(testConfig(config));
  const proc = runMain({ CONFIG_FILE: file, ...env });
  try {
    await work(await listeningUrl(proc), proc);
  } finally {
    proc.child.kill('SIGTERM');
    // The SDK exports what is left at shutdown: no waiting for its batch delay.
    await proc.exited;
    rmSync(dirname(file), { recursive: true, force: true });
  }
  expect(proc.child.exitCode).toBe(0);
  return proc;
}

function hook(url: string, headers: Record<string, string> = {}) {
  return request(url)
    .post('/hooks/okta/telephony')
    .set({ authorization: HOOK_SECRET, ...headers })
    .send(hookRequest({ otpCode: '480213' }))
    .expect(200);
}

function only(spans: readonly ReceivedSpan[], name: string): ReceivedSpan[] {
  return spans.filter((span) => span.name === name);
}

function logLines(proc: RunningProcess): Record<string, unknown>[] {
  return proc.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('tracing (e2e)', () => {
  describe('one hook request with a failover, tracing on through OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const receiver = {} as { otlp: OtlpReceiver };
    const twilio = {} as { a: FakeTwilio; b: FakeTwilio };
    let proc: RunningProcess;
    let spans: ReceivedSpan[];

    beforeAll(async () => {
      receiver.otlp = await OtlpReceiver.start();
      [twilio.a, twilio.b] = await Promise.all([FakeTwilio.start(), FakeTwilio.start()]);
      twilio.a.script(() => twilioError(503, 20500));
      const config = {
        providers: { 'tw-a': twilioProvider(twilio.a), 'tw-b': twilioProvider(twilio.b) },
        routing: { default: ['tw-a', 'tw-b'] },
      };
      const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.otlp.url, OTEL_SERVICE_NAME: 'otg-test' };
      proc = await withGateway(config, env, async (url) => {
        await hook(url, { traceparent: TRACEPARENT });
      });
      spans = receiver.otlp.spans;
    });

    afterAll(async () => {
      await Promise.all([receiver.otlp.close(), twilio.a.close(), twilio.b.close()]);
    });

    it('should continue Okta’s trace and export the span tree over OTLP/HTTP JSON', () => {
      expect(receiver.otlp.problems).toEqual([]);
      expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([OKTA_TRACE]));
      expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['otg-test']));
      expect(only(spans, 'POST /hooks/okta/telephony')[0].parentSpanId).toBe(OKTA_SPAN);
      expect(outline(spans, OKTA_TRACE)).toEqual([
        'POST /hooks/okta/telephony (server)',
        '  request',
        '    handler - TelephonyHookController.send',
        '      otg.hook',
        '        otg.store',
        '        otg.protection',
        '        otg.attempt !',
        '          POST (client) !',
        '        otg.attempt',
        '          POST (client)',
        '        otg.store',
        '        otg.store',
        '        otg.store',
        '        otg.store',
        '        otg.store',
        '        otg.store',
      ]);
    });

    it('should name the vendor and the outcome class on each attempt, and nothing else', () => {
      const [hookSpan] = only(spans, 'otg.hook');
      expect(hookSpan.attributes).toEqual({
        'otg.channel': 'sms',
        'otg.request_type': 'mfa-verification',
        'otg.outcome': 'sent',
        'otg.provider': 'tw-b',
      });
      expect(only(spans, 'otg.attempt').map((s) => [s.attributes, s.status])).toEqual([
        [
          {
            'otg.provider': 'tw-a',
            'otg.vendor': 'twilio',
            'otg.outcome': 'transient',
            'error.type': 'transient',
          },
          2,
        ],
        [{ 'otg.provider': 'tw-b', 'otg.vendor': 'twilio', 'otg.outcome': 'sent' }, 0],
      ]);
      expect(only(spans, 'otg.protection')[0].attributes).toEqual({
        'otg.protection.action': 'allowed',
        'otg.country': 'US',
      });
      // The claim; the record and its transaction index; the answer; then, once the answer is
      // on its way, the search indexes (user id, login, day: console's delivery search).
      expect(only(spans, 'otg.store').map((s) => s.attributes['otg.store.operation'])).toEqual([
        'set-if-absent',
        'set',
        'set',
        'set',
        'add-to-index',
        'add-to-index',
        'add-to-index',
      ]);
      expect(only(spans, 'otg.store')[0].attributes['otg.store.driver']).toBe('memory');
    });

    it('should send each vendor the traceparent of its own client span', () => {
      const clients = only(spans, 'POST').sort((a, b) => (a.startTime < b.startTime ? -1 : 1));
      expect(twilio.a.requests.map((r) => r.headers.traceparent)).toEqual([
        `00-${OKTA_TRACE}-${clients[0].spanId}-01`,
      ]);
      expect(twilio.b.requests.map((r) => r.headers.traceparent)).toEqual([
        `00-${OKTA_TRACE}-${clients[1].spanId}-01`,
      ]);
      expect(clients.map((s) => s.attributes['http.response.status_code'])).toEqual(['503', '201']);
    });

    it('should put no phone number, code or message text in any span', () => {
      expect(receiver.otlp.bodies).not.toMatch(/4155552671|480213|verification code/i);
    });

    it('should put the trace_id and span_id on every log line of the traced request', () => {
      const lines = logLines(proc).filter((line) => line.eventId !== undefined);
      const ids = new Set(spans.map((s) => s.spanId));
      expect(lines.map((line) => line.msg)).toEqual(['delivery sent', 'request completed']);
      for (const line of lines) {
        expect(line.trace_id).toBe(OKTA_TRACE);
        expect(ids.has(line.span_id as string)).toBe(true);
      }
      expect(lines[0].span_id).toBe(only(spans, 'otg.hook')[0].spanId);
    });
  });

  it('should export nothing and forward no traceparent when the file turns tracing off', async () => {
    const otlp = await OtlpReceiver.start();
    const twilio = await FakeTwilio.start();
    try {
      const config = {
        tracing: { enabled: false },
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
      };
      // The file wins over the environment, which alone would turn tracing on.
      const env = { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, NODE_OPTIONS: `--require ${COUNT_SDK}` };
      const proc = await withGateway(config, env, async (url) => {
        await hook(url, { traceparent: TRACEPARENT });
        await hook(url);
      });

      expect(otlp.exports).toBe(0);
      expect(proc.stderr.join('')).toContain('otel sdk modules loaded: 0\n');
      expect(twilio.requests.map((r) => r.headers.traceparent)).toEqual([undefined, undefined]);
      const traced = logLines(proc).filter((line) => 'trace_id' in line || 'span_id' in line);
      expect(traced).toEqual([]);
    } finally {
      await Promise.all([otlp.close(), twilio.close()]);
    }
  });

  it('should follow the caller’s sampling decision, sample new traces at tracing.sampleRatio, and send the collector its headers', async () => {
    const otlp = await OtlpReceiver.start();
    const twilio = await FakeTwilio.start();
    try {
      const config = {
        tracing: { enabled: true, endpoint: otlp.url, sampleRatio: 0 },
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
      };
      // The SDK reads the rest of the standard variables itself, e.g. the collector's credentials.
      const env = {
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer collector-token',
        NODE_OPTIONS: `--require ${COUNT_SDK}`,
      };
      const proc = await withGateway(config, env, async (url) => {
        await hook(url, { traceparent: TRACEPARENT });
        await hook(url);
      });

      expect(new Set(otlp.spans.map((s) => s.traceId))).toEqual(new Set([OKTA_TRACE]));
      expect(only(otlp.spans, 'otg.hook')).toHaveLength(1);
      expect(only(otlp.spans, 'otg.hook')[0].service).toBe('okta-telephony-gateway');
      expect(new Set(otlp.authorizations)).toEqual(new Set(['Bearer collector-token']));
      expect(proc.stderr.join('')).toMatch(/otel sdk modules loaded: [1-9]\d*\n/);
      // Not sampled, but the vendor still gets the trace (flag 00), as W3C asks.
      expect(twilio.requests[1].headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    } finally {
      await Promise.all([otlp.close(), twilio.close()]);
    }
  });
});

describeWithRedis('tracing with Redis and the AWS SDK (e2e)', () => {
  it('should trace Redis commands and the SNS call with no phone number, Redis argument or vendor text', async () => {
    const otlp = await OtlpReceiver.start();
    const redis = await RedisServer.start();
    const sns = await FakeSns.start({ region: 'us-east-1' });
    const twilio = await FakeTwilio.start();
    sns.script(() => snsError(500, 'InternalError', 'cannot reach +14155552671 now'));
    try {
      const config = {
        tracing: { enabled: true, endpoint: otlp.url },
        store: { driver: 'redis', redis: { url: redis.url } },
        protection: { rateLimits: [{ key: 'phone', limit: 5, windowSeconds: 60 }] },
        providers: {
          sns: { type: 'sns', region: 'us-east-1', baseUrl: sns.url, ...AWS_TEST_CREDENTIALS },
          tw: twilioProvider(twilio),
        },
        routing: { default: ['sns', 'tw'] },
      };
      await withGateway(config, {}, async (url) => {
        await hook(url, { traceparent: TRACEPARENT });
      });

      const tree = outline(otlp.spans, OKTA_TRACE);
      expect(tree.slice(3, 13)).toEqual([
        '      otg.hook',
        '        otg.store',
        '          set (client)',
        '        otg.protection',
        '          evalsha (client)',
        '        otg.attempt !',
        '          phone_number send (producer) !',
        '            POST (client) !',
        '        otg.attempt',
        '          POST (client)',
      ]);
      // The search indexes, the record and the answer: writes pipelined together by ioredis, so a
      // command's span may sit under a sibling store span. The indexes are written after the
      // answer, concurrently with the last sets, so the spans end in either order.
      const stored = only(otlp.spans, 'otg.store').slice(1);
      expect(stored.map((s) => s.attributes['otg.store.operation']).sort()).toEqual([
        'add-to-index',
        'add-to-index',
        'add-to-index',
        'set',
        'set',
        'set',
      ]);
      const writes = stored.filter((s) => s.attributes['otg.store.operation'] === 'set');
      const sets = only(otlp.spans, 'set').filter(
        (s) => s.parentSpanId !== only(otlp.spans, 'otg.store')[0].spanId,
      );
      expect(sets).toHaveLength(3);
      expect(sets.every((set) => writes.some((w) => w.spanId === set.parentSpanId))).toBe(true);
      const [publish] = only(otlp.spans, 'phone_number send');
      expect(publish.attributes).toMatchObject({
        'rpc.service': 'SNS',
        'rpc.method': 'Publish',
        'messaging.destination': 'phone_number',
        'messaging.destination.name': 'phone_number',
      });
      expect(publish.statusMessage).toBe('cannot reach [redacted] now');
      expect(only(otlp.spans, 'evalsha')[0].attributes['db.query.text']).toBe('evalsha');
      expect(otlp.bodies).not.toMatch(/4155552671|480213|verification code/i);
    } finally {
      await Promise.all([otlp.close(), redis.close(), sns.close(), twilio.close()]);
    }
  });
});
