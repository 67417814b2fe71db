import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeTwilio, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { Scrape } from './support/prometheus';
import { twilioStatusCallback } from './support/fakes/twilio.fake';

const type = (name: string) => `com.okta.user.telephony.${name}`;
/** A 2-segment UCS-2 text: 71 characters, one outside GSM-7. */
const UCS2_TEXT = `Ваш код 480213 ${'ж'.repeat(56)}`;
const EVENT_SECRET = 'test-event-secret-0123456789';
/** Every family the gateway defines, with its type (process metrics aside). */
const FAMILIES = {
  otg_hook_requests_total: 'counter',
  otg_hook_duration_seconds: 'histogram',
  otg_delivery_attempts_total: 'counter',
  otg_delivery_attempt_duration_seconds: 'histogram',
  otg_deadline_near_misses_total: 'counter',
  otg_sms_segments: 'histogram',
  otg_circuit_breaker_state: 'gauge',
  otg_store_available: 'gauge',
  otg_redis_command_duration_seconds: 'histogram',
  otg_requests_refused_total: 'counter',
  otg_build_info: 'gauge',
  otg_protection_decisions_total: 'counter',
  otg_protection_feedback_total: 'counter',
  otg_protection_watches_total: 'counter',
  otg_delivery_final_status_total: 'counter',
  otg_delivery_time_to_delivered_seconds: 'histogram',
  otg_delivery_receipts_total: 'counter',
  otg_delivery_sent_without_vendor_id_total: 'counter',
  otg_okta_events_total: 'counter',
  otg_okta_event_repeats_total: 'counter',
  otg_okta_event_correlations_total: 'counter',
  otg_okta_fallbacks_total: 'counter',
  otg_okta_denied_total: 'counter',
  otg_otp_sent_total: 'counter',
  otg_otp_verified_total: 'counter',
};

/** Known traffic, then one scrape: exact counter values and histogram counts. */
describe('GET /metrics (e2e)', () => {
  let primary: FakeTwilio;
  let backup: FakeTwilio;
  let gateway: Gateway;
  let scrape: Scrape;

  beforeAll(async () => {
    [primary, backup] = await Promise.all([FakeTwilio.start(), FakeTwilio.start()]);
    const breaker = { consecutiveFailures: 1000, cooldownMs: 100 };
    gateway = await startGateway(
      testConfig({
        server: { port: 0, bodyLimitBytes: 4096 },
        hook: {
          deadlineMs: 1500,
          auth: { headers: [{ name: 'authorization', secrets: ['test-hook-secret-0123456789'] }] },
        },
        events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_SECRET] }] } },
        providers: {
          'twilio-a': twilioProvider(primary, { timeoutMs: 2000, circuitBreaker: breaker }),
          'twilio-b': twilioProvider(backup, { circuitBreaker: breaker }),
        },
        routing: { default: ['twilio-a', 'twilio-b'] },
      }),
    );
    await sendKnownTraffic();
    scrape = new Scrape((await gateway.http().get('/metrics').expect(200)).text);
  });

  afterAll(async () => {
    expect([...primary.problems, ...backup.problems]).toEqual([]);
    await gateway.close();
    await Promise.all([primary.close(), backup.close()]);
  });

  async function sendKnownTraffic(): Promise<void> {
    const mfa = type('mfa-verification');
    await gateway.hook(hookRequest({ requestType: mfa })).expect(200);
    await gateway.hook(hookRequest({ requestType: mfa })).expect(200);
    await gateway
      .hook(hookRequest({ requestType: type('password-reset'), msgTemplate: UCS2_TEXT }))
      .expect(200);
    await gateway
      .hook(hookRequest({ requestType: type('pre-enrollment'), deliveryChannel: 'voice call' }))
      .expect(200);
    primary.script(() => twilioError(503, 20503));
    await gateway.hook(hookRequest({ requestType: type('account-unlock') })).expect(200);
    backup.script(() => twilioError(500, 20500));
    await gateway.hook(hookRequest({ requestType: null })).expect(200);
    primary.script(() => 'hang');
    await gateway.hook(hookRequest({ requestType: mfa })).expect(200);
    primary.script();
    backup.script();
    await gateway.hook(
      hookRequest({ requestType: 'com.example.new', phoneNumber: '+999123456789' }),
    );
    await gateway.hook(hookRequest(), 'wrong-secret').expect(401);
    await gateway.hook({ data: {} }).expect(400);
    await gateway.hook({ pad: 'x'.repeat(5000) }).expect(413);
    await gateway
      .http()
      .post('/hooks/okta/telephony')
      .set('authorization', HOOK_SECRET)
      .set('content-type', 'application/xml')
      .send('<a/>')
      .expect(415);
    await sendRefusals();
  }

  /** Refusals beside the hook's: the event hook, a vendor callback, a route that is not there. */
  async function sendRefusals(): Promise<void> {
    const events = () => gateway.http().post('/hooks/okta/events');
    await events().set('authorization', 'old-event-secret').send({}).expect(401);
    await events().set('authorization', 'old-event-secret').send({}).expect(401);
    await events().send({}).expect(401);
    const forged = twilioStatusCallback(
      `${gateway.url}/callbacks/twilio-a/status`,
      { MessageSid: 'SM1', MessageStatus: 'delivered' },
      'not-the-auth-token',
    );
    await gateway
      .http()
      .post('/callbacks/twilio-a/status')
      .set(forged.headers)
      .send(forged.body)
      .expect(403);
    await gateway.http().get('/no-such-route').expect(404);
  }

  it('should count hook calls by request type, channel and outcome', () => {
    const requests = (request_type: string, channel: string, outcome: string) =>
      scrape.value('otg_hook_requests_total', { request_type, channel, outcome });

    expect([
      requests('mfa-verification', 'sms', 'sent'),
      requests('password-reset', 'sms', 'sent'),
      requests('pre-enrollment', 'voice', 'sent'),
      requests('account-unlock', 'sms', 'sent'),
      requests('none', 'sms', 'failed'),
      requests('mfa-verification', 'sms', 'failed'),
      requests('other', 'sms', 'failed'),
      requests('unknown', 'unknown', 'unauthorized'),
      requests('unknown', 'unknown', 'invalid'),
    ]).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 3]);
  });

  it('should time the answered calls by channel and outcome', () => {
    const count = (channel: string, outcome: string) =>
      scrape.value('otg_hook_duration_seconds_count', { channel, outcome });

    expect([count('sms', 'sent'), count('voice', 'sent'), count('sms', 'failed')]).toEqual([
      4, 1, 3,
    ]);
    expect(
      scrape.value('otg_hook_duration_seconds_bucket', {
        channel: 'sms',
        outcome: 'failed',
        le: '1',
      }),
    ).toBe(2);
  });

  it('should count and time every attempt by provider and outcome', () => {
    const attempts = (provider: string, outcome: string) => [
      scrape.value('otg_delivery_attempts_total', { provider, outcome }),
      scrape.value('otg_delivery_attempt_duration_seconds_count', { provider, outcome }),
    ];

    expect([
      attempts('twilio-a', 'sent'),
      attempts('twilio-a', 'transient'),
      attempts('twilio-a', 'timeout'),
      attempts('twilio-b', 'sent'),
      attempts('twilio-b', 'transient'),
    ]).toEqual([
      [4, 4],
      [2, 2],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('should count the near misses of the call the hanging vendor held to the deadline', () => {
    const nearMisses = (kind: string) => scrape.value('otg_deadline_near_misses_total', { kind });

    expect([nearMisses('answer'), nearMisses('attempt-cut'), nearMisses('untried')]).toEqual([
      1, 1, 1,
    ]);
  });

  it('should record the encoding and segments of every SMS sent', () => {
    const segments = (suffix: string, encoding: string, le?: string) =>
      scrape.value(
        `otg_sms_segments_${suffix}`,
        le ? { encoding, text: 'sent', le } : { encoding, text: 'sent' },
      );

    expect([segments('count', 'gsm7'), segments('sum', 'gsm7')]).toEqual([3, 3]);
    expect([segments('count', 'ucs2'), segments('sum', 'ucs2')]).toEqual([1, 2]);
    expect([segments('bucket', 'ucs2', '1'), segments('bucket', 'ucs2', '2')]).toEqual([0, 1]);
  });

  it('should count refused requests by route pattern and reason', () => {
    const refused = (route: string, reason: string) =>
      scrape.value('otg_requests_refused_total', { route, reason });
    const hook = '/hooks/okta/telephony';

    expect([
      refused(hook, 'wrong secret'),
      refused(hook, 'invalid request'),
      refused(hook, 'body too large'),
      refused(hook, 'unsupported media type'),
      refused('/hooks/okta/events', 'wrong secret'),
      refused('/hooks/okta/events', 'no credential'),
      refused('/callbacks/:providerId/:kind', 'wrong signature'),
      refused('unmatched', 'not found'),
    ]).toEqual([1, 1, 1, 1, 2, 1, 1, 1]);
  });

  it('should show each breaker as one series per state, 1 for the current one', () => {
    const state = (provider: string, s: string) =>
      scrape.value('otg_circuit_breaker_state', { provider, state: s });

    expect(['closed', 'open', 'half-open'].map((s) => state('twilio-a', s))).toEqual([1, 0, 0]);
    expect(['closed', 'open', 'half-open'].map((s) => state('twilio-b', s))).toEqual([1, 0, 0]);
  });

  it('should say which version of the gateway and of Node.js runs', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      version: string;
    };

    expect(scrape.value('otg_build_info', { version: pkg.version, node: process.version })).toBe(1);
  });

  it('should define each family with its Prometheus type, and list each in docs/operations.md', () => {
    const ours = [...scrape.families].filter(([name]) => name.startsWith('otg_'));
    const readme = readFileSync(join(__dirname, '..', 'docs', 'operations.md'), 'utf8');

    expect(Object.fromEntries(ours)).toEqual(FAMILIES);
    const listed = Object.keys(FAMILIES).filter((name) => readme.includes(`| \`${name}\``));
    expect(listed).toEqual(Object.keys(FAMILIES));
  });

  it('should keep the standard names of the Node.js and process metrics, without our prefix', () => {
    const others = [...scrape.families.keys()].filter((name) => !name.startsWith('otg_'));

    expect(others.every((name) => /^(process|nodejs)_/.test(name))).toBe(true);
    expect(scrape.value('process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(scrape.value('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(scrape.families.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(scrape.families.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    expect(scrape.families.get('nodejs_gc_duration_seconds')).toBe('histogram');
    // prom-client's gauges named like counters are left out (promtool refuses them).
    expect(scrape.families.get('nodejs_active_handles')).toBe('gauge');
    expect(scrape.families.has('nodejs_active_handles_total')).toBe(false);
  });
});
