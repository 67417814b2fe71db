import {
  FakeSinch,
  SINCH_CALLBACK_SECRET,
  sinchDeliveryReport,
  sinchProvider,
  sinchSmsError,
  sinchVoiceError,
} from './support/fakes/sinch.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { closeAll, expectSentWithoutVendorId } from './support/vendor-e2e';

const PUBLIC_URL = 'https://otp.example.com';

const sinch = (fake: FakeSinch, extra: Record<string, unknown> = {}) =>
  sinchProvider(fake, { timeoutMs: 1000, ...extra });

describe('Sinch provider (e2e)', () => {
  let primary: FakeSinch;
  let backup: FakeSinch;
  let gateway: Gateway;

  beforeAll(async () => {
    primary = await FakeSinch.start();
    backup = await FakeSinch.start();
    gateway = await startGateway(
      testConfig({
        server: { port: 0, publicUrl: PUBLIC_URL },
        providers: {
          'sinch-a': sinch(primary, { callbackSecret: SINCH_CALLBACK_SECRET }),
          'sinch-b': sinch(backup),
        },
        routing: { default: ['sinch-a', 'sinch-b'] },
      }),
    );
  });

  afterEach(() => expect(takeProblems(primary, backup)).toEqual([]));

  afterAll(() => closeAll(gateway, primary, backup));

  it('should send an SMS batch asking for signed delivery reports and answer with the batch id', async () => {
    const res = await gateway
      .hook(hookRequest({ otpCode: '480213', msgTemplate: 'Acme code: 480213' }))
      .expect(200);

    expect(primary.json()).toEqual({
      from: '+12025550100',
      to: ['+14155552671'],
      body: 'Acme code: 480213',
      client_reference: expect.stringMatching(/^[0-9a-f-]{36}$/),
      delivery_report: 'per_recipient',
      callback_url: `${PUBLIC_URL}/callbacks/sinch-a/status`,
    });
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'sinch-a',
      transactionId: '01HF0000000000000000000001',
      transactionMetadata: expect.stringMatching(/attempts=sinch-a:sent\(\d+ms\)$/),
    });
  });

  it('should place a signed ttsCallout that reads the code twice in the locale language', async () => {
    const res = await gateway
      .hook(hookRequest({ deliveryChannel: 'voice call', otpCode: '4821', locale: 'es-ES' }))
      .expect(200);

    const sentence = 'Su código de verificación es 4, 8, 2, 1.';
    expect(primary.json()).toEqual({
      method: 'ttsCallout',
      ttsCallout: {
        cli: '+12025550100',
        destination: { type: 'number', endpoint: '+14155552671' },
        domain: 'pstn',
        locale: 'es-ES',
        text: `${sentence} ${sentence}`,
      },
    });
    expect(res.body.commands[0].value[0]).toMatchObject({
      status: 'SUCCESSFUL',
      provider: 'sinch-a',
      transactionId: expect.stringMatching(/^call-01HF/),
    });
  });

  it.each([
    ['an SMS batch', {}, 'batch id', { status: 201, body: { type: 'mt_text' } }],
    ['a callout', { deliveryChannel: 'voice call' }, 'callId', { status: 200, body: {} }],
  ])(
    'should count %s Sinch took without its id as sent, and never fail over',
    async (_n, options, field, answer) => {
      primary.script(() => answer);

      await expectSentWithoutVendorId(
        gateway,
        hookRequest(options),
        'sinch-a',
        `Sinch answered without a ${field}`,
        backup,
      );
    },
  );

  it('should not fail over when Sinch refuses the number and answer the Okta error object', async () => {
    primary.script(() => sinchSmsError(400, 'syntax_invalid_parameter_format'));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    expect(res.body).toEqual({
      error: {
        errorSummary: 'Failed to deliver SMS OTP',
        errorCauses: [
          {
            errorSummary: expect.any(String),
            reason: expect.stringMatching(
              /^sinch-a:invalid-recipient\(\d+ms: Sinch rejected the recipient \(HTTP 400, code syntax_invalid_parameter_format\)\)$/,
            ),
            locationType: 'body',
            location: 'sinch-a',
          },
          {
            errorSummary: expect.any(String),
            reason: 'sinch-a refused the recipient (invalid-recipient); not failed over',
            locationType: 'body',
            location: 'delivery',
          },
        ],
      },
    });
  });

  it.each([
    ['an SMS 503', 'SMS', () => sinchSmsError(503, 'service_unavailable'), 'transient'],
    ['an SMS 429', 'SMS', () => sinchSmsError(429, 'too_many_requests'), 'rate-limited'],
    ['a voice 500', 'CALL', () => sinchVoiceError(500, '50000'), 'transient'],
  ])('should fail over to the second Sinch after %s', async (_name, channel, failure, outcome) => {
    primary.script(failure);

    const res = await gateway.hook(hookRequest({ deliveryChannel: channel })).expect(200);

    expect(backup.requests).toHaveLength(1);
    const value = res.body.commands[0].value[0];
    expect(value).toMatchObject({ status: 'SUCCESSFUL', provider: 'sinch-b' });
    expect(value.transactionMetadata).toMatch(
      new RegExp(`attempts=sinch-a:${outcome}\\(\\d+ms: .+\\),sinch-b:sent\\(\\d+ms\\)$`),
    );
  });

  it('should record a delivery report carrying a valid Sinch signature', async () => {
    const sent = await gateway.hook(hookRequest()).expect(200);
    const batchId = sent.body.commands[0].value[0].transactionId as string;
    const report = sinchDeliveryReport(batchId, 'Delivered');

    await gateway
      .http()
      .post('/callbacks/sinch-a/status')
      .set(report.headers)
      .send(report.body)
      .expect(200);

    expect(gateway.logs.entries()).toContainEqual(
      expect.objectContaining({
        msg: 'delivery receipt',
        provider: 'sinch-a',
        transactionId: batchId,
        status: 'delivered',
        vendorStatus: 'Delivered',
        occurredAt: '2026-11-22T12:35:01.000Z',
        result: 'applied',
      }),
    );
  });

  it('should answer 403 to a forged delivery report and record nothing', async () => {
    const forged = sinchDeliveryReport('01HF-FORGED', 'Failed', 'guessed-secret');

    const res = await gateway
      .http()
      .post('/callbacks/sinch-a/status')
      .set(forged.headers)
      .send(forged.body)
      .expect(403);

    expect(res.body.error.errorSummary).toEqual(expect.any(String));
    expect(JSON.stringify(gateway.logs.entries())).not.toContain('01HF-FORGED');
  });

  it('should answer 403 to reports for the provider that asked for none', async () => {
    const report = sinchDeliveryReport('01HF-B', 'Delivered');

    await gateway
      .http()
      .post('/callbacks/sinch-b/status')
      .set(report.headers)
      .send(report.body)
      .expect(403);
  });
});
