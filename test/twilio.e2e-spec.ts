import { FakeTwilio, TWILIO_TOKEN, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hasVendorSpec } from './support/openapi';
import { hookRequest } from './support/okta';
import { closeAll, expectSentWithoutVendorId } from './support/vendor-e2e';

const twilio = (fake: FakeTwilio, extra: Record<string, unknown> = {}) =>
  twilioProvider(fake, {
    timeoutMs: 1000,
    // These tests fail the primary on purpose many times; breakers are tested on their own.
    circuitBreaker: { consecutiveFailures: 1000, cooldownMs: 100 },
    ...extra,
  });

describe('Twilio provider (e2e)', () => {
  let primary: FakeTwilio;
  let backup: FakeTwilio;
  let gateway: Gateway;

  beforeAll(async () => {
    if (!hasVendorSpec('twilio/twilio_api_v2010.json')) {
      console.warn(
        '../shared/vendor-specs/twilio is missing: requests are checked without the OpenAPI description',
      );
    }
    primary = await FakeTwilio.start();
    backup = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        hook: {
          deadlineMs: 1500,
          auth: { headers: [{ name: 'authorization', secrets: ['test-hook-secret-0123456789'] }] },
        },
        providers: { 'twilio-a': twilio(primary), 'twilio-b': twilio(backup, { timeoutMs: 600 }) },
        routing: { default: ['twilio-a', 'twilio-b'] },
      }),
    );
  });

  afterEach(() => {
    expect(primary.problems).toEqual([]);
    expect(backup.problems).toEqual([]);
    primary.server.requests.length = 0;
    backup.server.requests.length = 0;
    primary.script();
    backup.script();
  });

  afterAll(() => closeAll(gateway, primary, backup));

  it('should send an SMS with Okta msgTemplate as Body and answer SUCCESSFUL with the message sid', async () => {
    const res = await gateway
      .hook(hookRequest({ otpCode: '480213', msgTemplate: 'Acme code: 480213' }))
      .expect(200);

    expect(primary.form()).toEqual({
      To: '+14155552671',
      From: '+15005550006',
      Body: 'Acme code: 480213',
    });
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'twilio-a',
      transactionId: 'SM00000000000000000000000000000001',
      transactionMetadata: expect.stringMatching(
        /^deliveryId=[0-9a-f-]{36}; durationMs=\d+; attempts=twilio-a:sent\(\d+ms\)$/,
      ),
    });
    expect(res.body.commands[0].type).toBe('com.okta.telephony.action');
  });

  it('should place a voice call whose TwiML reads the code digit by digit, twice, in the locale language', async () => {
    const res = await gateway
      .hook(hookRequest({ deliveryChannel: 'voice call', otpCode: '4821', locale: 'de-DE' }))
      .expect(200);

    const say = '<Say voice="alice" language="de-DE">Ihr Bestätigungscode lautet 4, 8, 2, 1.</Say>';
    expect(primary.form()).toEqual({
      To: '+14155552671',
      From: '+15005550006',
      Twiml: `<Response>${say}<Pause length="1"/>${say}</Response>`,
    });
    expect(res.body.commands[0].value[0]).toMatchObject({
      status: 'SUCCESSFUL',
      transactionId: expect.stringMatching(/^CA/),
    });
  });

  it('should speak English when Twilio has no voice for the locale', async () => {
    await gateway
      .hook(hookRequest({ deliveryChannel: 'CALL', otpCode: '12', locale: 'xx-YY' }))
      .expect(200);

    expect(primary.form().Twiml).toContain(
      '<Say voice="alice" language="en-US">Your verification code is 1, 2.</Say>',
    );
  });

  it('should not fail over after a permanent 4xx (invalid number) and answer the Okta error object', async () => {
    primary.script(() => twilioError(400, 21211));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    expect(res.body).toEqual({
      error: {
        errorSummary: 'Failed to deliver SMS OTP',
        errorCauses: [
          {
            errorSummary: expect.stringContaining('twilio-a:invalid-recipient'),
            reason: expect.stringMatching(
              /^twilio-a:invalid-recipient\(\d+ms: Twilio rejected the recipient \(HTTP 400, code 21211\)\)$/,
            ),
            locationType: 'body',
            location: 'twilio-a',
          },
          {
            errorSummary: expect.any(String),
            reason: 'twilio-a refused the recipient (invalid-recipient); not failed over',
            locationType: 'body',
            location: 'delivery',
          },
        ],
      },
    });
  });

  it('should not fail over when the recipient opted out (21610)', async () => {
    primary.script(() => twilioError(400, 21610));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    expect(res.body.error.errorCauses[0].reason).toContain('twilio-a:opted-out');
  });

  it.each([
    ['a 500', () => twilioError(500, 20500), 'transient'],
    [
      'a 429 (Retry-After opens the breaker: see circuit-breaker.e2e)',
      () => twilioError(429, 20429),
      'rate-limited',
    ],
    ['a geo-permission refusal', () => twilioError(400, 21408), 'vendor-config'],
    ['bad credentials', () => twilioError(401, 20003), 'vendor-config'],
  ])('should fail over to the second provider after %s', async (_name, failure, outcome) => {
    primary.script(failure);

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(primary.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(1);
    expect(backup.form()).toEqual(primary.form());
    const value = res.body.commands[0].value[0];
    expect(value).toMatchObject({ status: 'SUCCESSFUL', provider: 'twilio-b' });
    expect(value.transactionMetadata).toMatch(
      new RegExp(`attempts=twilio-a:${outcome}\\(\\d+ms: .+\\),twilio-b:sent\\(\\d+ms\\)$`),
    );
  });

  it.each([
    ['an SMS', {}],
    ['a call', { deliveryChannel: 'voice call' }],
  ])(
    'should count %s Twilio took without a sid as sent, and never fail over',
    async (_n, options) => {
      primary.script(() => ({ status: 201, body: { status: 'queued' } }));

      await expectSentWithoutVendorId(
        gateway,
        hookRequest(options),
        'twilio-a',
        'Twilio answered without a sid',
        backup,
      );
    },
  );

  it('should abandon a hanging Twilio at its timeout and still answer through the second provider', async () => {
    primary.script(() => 'hang');
    const started = Date.now();

    const res = await gateway.hook(hookRequest()).expect(200);

    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(1500 + 50);
    expect(res.body.commands[0].value[0].provider).toBe('twilio-b');
    expect(res.body.commands[0].value[0].transactionMetadata).toMatch(
      /twilio-a:timeout\(\d+ms: no answer within 1000 ms, abandoned\)/,
    );
  });

  it('should answer the error object before the deadline when every provider hangs', async () => {
    primary.script(() => 'hang');
    backup.script(() => 'hang');
    const started = Date.now();

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(Date.now() - started).toBeLessThan(1500 + 50);
    expect(res.body.error.errorSummary).toBe('Failed to deliver SMS OTP');
    const causes = res.body.error.errorCauses as { location: string }[];
    expect(causes.map((c) => c.location)).toEqual(['twilio-a', 'twilio-b', 'delivery']);
    expect(res.body.error.errorCauses[1].reason).toMatch(
      /^twilio-b:timeout\(\d+ms: no answer within \d+ ms, abandoned\)$/,
    );
  });

  it('should send nothing for a number that cannot be a phone number', async () => {
    const res = await gateway.hook(hookRequest({ phoneNumber: '12' })).expect(200);

    expect(primary.requests).toHaveLength(0);
    expect(res.body.error.errorCauses).toEqual([
      expect.objectContaining({ location: 'delivery', reason: 'not a phone number' }),
    ]);
  });

  it('should never log the code, the message text or the full phone number', async () => {
    primary.script(() => twilioError(500, 20500));
    await gateway
      .hook(hookRequest({ otpCode: '913375', msgTemplate: 'Secret text 913375' }))
      .expect(200);

    const logs = gateway.logs.lines.join('\n');
    expect(logs).not.toContain('913375');
    expect(logs).not.toContain('Secret text');
    expect(logs).not.toContain('4155552671');
    expect(logs).not.toContain(TWILIO_TOKEN);
    expect(logs).toContain('+1********71');
  });
});
