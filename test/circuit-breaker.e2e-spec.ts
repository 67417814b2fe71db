import { FakeTwilio, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { Scrape } from './support/prometheus';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const twilio = (fake: FakeTwilio, circuitBreaker: Record<string, number>) =>
  twilioProvider(fake, { timeoutMs: 800, circuitBreaker });

/** `otg_circuit_breaker_state` of one provider as /metrics shows it: each state's value. */
async function breakerMetric(gateway: Gateway, provider: string): Promise<number[]> {
  const scrape = new Scrape((await gateway.http().get('/metrics').expect(200)).text);
  const value = (state: string) =>
    scrape.value('otg_circuit_breaker_state', { provider, state }) ?? NaN;
  return [value('closed'), value('open'), value('half-open')];
}

const metadata = (body: unknown): string =>
  (body as { commands: { value: { transactionMetadata: string }[] }[] }).commands[0].value[0]
    .transactionMetadata;

describe('circuit breakers (e2e)', () => {
  let a: FakeTwilio;
  let b: FakeTwilio;
  let gateway: Gateway | undefined;

  const start = async (breakerA: Record<string, number>, breakerB = breakerA) => {
    gateway = await startGateway(
      testConfig({
        hook: {
          deadlineMs: 2000,
          auth: { headers: [{ name: 'authorization', secrets: ['test-hook-secret-0123456789'] }] },
        },
        providers: { 'twilio-a': twilio(a, breakerA), 'twilio-b': twilio(b, breakerB) },
        routing: { default: ['twilio-a', 'twilio-b'] },
      }),
    );
    return gateway;
  };

  beforeEach(async () => {
    a = await FakeTwilio.start();
    b = await FakeTwilio.start();
  });

  afterEach(async () => {
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    await gateway?.close();
    await a.close();
    await b.close();
  });

  it('should open A after its consecutive failures, go straight to B, then probe A after the cooldown', async () => {
    const sut = await start({ consecutiveFailures: 2, cooldownMs: 500 });
    a.script(() => twilioError(500, 20500));
    await sut.hook(hookRequest()).expect(200);
    await sut.hook(hookRequest()).expect(200);
    expect(a.requests).toHaveLength(2);
    expect(await breakerMetric(sut, 'twilio-a')).toEqual([0, 1, 0]);
    const ready = await sut.http().get('/health/ready').expect(200);
    expect(ready.body.details.circuitBreakers).toEqual({
      status: 'up',
      'twilio-a': 'open',
      'twilio-b': 'closed',
    });

    const skipped = await sut.hook(hookRequest()).expect(200);

    expect(a.requests).toHaveLength(2);
    expect(skipped.body.commands[0].value[0].provider).toBe('twilio-b');
    expect(metadata(skipped.body)).toMatch(
      /attempts=twilio-a:skipped\(0ms: circuit open, next probe in \d+ ms\),twilio-b:sent\(\d+ms\)$/,
    );

    a.script();
    await sleep(550);
    const probed = await sut.hook(hookRequest()).expect(200);

    expect(a.requests).toHaveLength(3);
    expect(probed.body.commands[0].value[0].provider).toBe('twilio-a');
    expect(await breakerMetric(sut, 'twilio-a')).toEqual([1, 0, 0]);
  });

  it('should keep A open for as long as its 429 Retry-After says, however high the threshold', async () => {
    const sut = await start({ consecutiveFailures: 50, cooldownMs: 600_000 });
    a.script(() => twilioError(429, 20429, { 'retry-after': '1' }));
    await sut.hook(hookRequest()).expect(200);
    a.script();

    const during = await sut.hook(hookRequest()).expect(200);

    expect(a.requests).toHaveLength(1);
    expect(metadata(during.body)).toMatch(
      /attempts=twilio-a:skipped\(0ms: circuit open \(Retry-After\), next probe in \d+ ms\),twilio-b:sent/,
    );
    await sleep(1050);
    const after = await sut.hook(hookRequest()).expect(200);
    expect(a.requests).toHaveLength(2);
    expect(after.body.commands[0].value[0].provider).toBe('twilio-a');
  });

  it('should still try the provider whose breaker reopens first when every breaker is open', async () => {
    const sut = await start(
      { consecutiveFailures: 1, cooldownMs: 60_000 },
      { consecutiveFailures: 1, cooldownMs: 120_000 },
    );
    a.script(() => twilioError(500, 20500));
    b.script(() => twilioError(503, 20503));
    await sut.hook(hookRequest()).expect(200);
    a.script();

    const res = await sut.hook(hookRequest()).expect(200);

    expect(a.requests).toHaveLength(2);
    expect(b.requests).toHaveLength(1);
    expect(res.body.commands[0].value[0].provider).toBe('twilio-a');
    expect(metadata(res.body)).toMatch(
      /attempts=twilio-a:skipped\(0ms: [^)]+\),twilio-b:skipped\(0ms: [^)]+\),twilio-a:sent\(\d+ms\)$/,
    );
  });
});
