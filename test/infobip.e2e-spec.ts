import {
  FakeInfobip,
  INFOBIP_API_KEY,
  INFOBIP_CALLBACK_TOKEN,
  infobipRejected,
  infobipSmsReport,
  infobipV2Error,
  infobipV3Error,
  reportProblems,
} from './support/fakes/infobip.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hasVendorSpec } from './support/openapi';
import { hookRequest } from './support/okta';
import { closeAll, expectSentWithoutVendorId } from './support/vendor-e2e';

const PUBLIC_URL = 'https://otp.example.com';
const NOTIFY_URL = `${PUBLIC_URL}/callbacks/ib-a/status?token=${INFOBIP_CALLBACK_TOKEN}`;

const infobip = (fake: FakeInfobip, extra: Record<string, unknown> = {}) => ({
  type: 'infobip',
  baseUrl: fake.url,
  apiKey: INFOBIP_API_KEY,
  from: 'Acme',
  voiceFrom: '12025550100',
  timeoutMs: 1000,
  ...extra,
});

describe('Infobip provider (e2e)', () => {
  let primary: FakeInfobip;
  let backup: FakeInfobip;
  let gateway: Gateway;

  beforeAll(async () => {
    if (!hasVendorSpec('infobip/infobip-sms-openapi.json')) {
      console.warn(
        '../shared/vendor-specs/infobip is missing: requests are checked without the OpenAPI descriptions',
      );
    }
    primary = await FakeInfobip.start();
    backup = await FakeInfobip.start();
    gateway = await startGateway(
      testConfig({
        server: { port: 0, publicUrl: PUBLIC_URL },
        providers: {
          'ib-a': infobip(primary, { callbackToken: INFOBIP_CALLBACK_TOKEN }),
          'ib-b': infobip(backup),
        },
        routing: { default: ['ib-a', 'ib-b'] },
      }),
    );
  });

  afterEach(() => expect(takeProblems(primary, backup)).toEqual([]));

  afterAll(() => closeAll(gateway, primary, backup));

  it('should send an SMS v3 message with a tokened notify URL and answer with Infobip message id', async () => {
    const res = await gateway.hook(hookRequest({ msgTemplate: 'Acme code: 480213' })).expect(200);

    expect(primary.json()).toEqual({
      messages: [
        {
          sender: 'Acme',
          destinations: [{ to: '14155552671' }],
          content: { text: 'Acme code: 480213' },
          webhooks: {
            delivery: { url: NOTIFY_URL },
            contentType: 'application/json',
            callbackData: expect.stringMatching(/^[0-9a-f-]{36}$/),
          },
        },
      ],
    });
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'ib-a',
      transactionId: 'ib-0001',
      transactionMetadata: expect.stringMatching(/attempts=ib-a:sent\(\d+ms\)$/),
    });
  });

  it('should place an advanced TTS call that reads the code twice in the locale language', async () => {
    const res = await gateway
      .hook(hookRequest({ deliveryChannel: 'CALL', otpCode: '4821', locale: 'fr-CA' }))
      .expect(200);

    const sentence = 'Votre code de vérification est 4, 8, 2, 1.';
    expect(primary.json()).toEqual({
      messages: [
        {
          from: '12025550100',
          destinations: [{ to: '14155552671' }],
          text: `${sentence},, ${sentence}`,
          language: 'fr-ca',
          notifyUrl: NOTIFY_URL,
          notifyContentType: 'application/json',
          callbackData: expect.stringMatching(/^[0-9a-f-]{36}$/),
        },
      ],
    });
    expect(res.body.commands[0].value[0]).toMatchObject({
      provider: 'ib-a',
      transactionId: 'ib-0001',
    });
  });

  it.each([
    ['an SMS', {}],
    ['a call', { deliveryChannel: 'voice call' }],
  ])(
    'should count %s Infobip took without a messageId as sent, and never fail over',
    async (_n, options) => {
      primary.script(() => ({
        status: 200,
        body: {
          messages: [
            { status: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED' } },
          ],
        },
      }));

      await expectSentWithoutVendorId(
        gateway,
        hookRequest(options),
        'ib-a',
        'Infobip answered without a messageId',
        backup,
      );
    },
  );

  it('should not fail over when Infobip refuses the destination number', async () => {
    primary.script(() =>
      infobipV3Error(400, 'E400', [
        { property: 'messages[0].destinations[0].to', violation: 'invalid' },
      ]),
    );

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    expect(res.body.error.errorSummary).toBe('Failed to deliver SMS OTP');
    const causes = res.body.error.errorCauses as { reason: string }[];
    expect(causes.map((c) => c.reason)).toEqual([
      expect.stringMatching(
        /^ib-a:invalid-recipient\(\d+ms: Infobip rejected the recipient \(HTTP 400, code E400\)\)$/,
      ),
      'ib-a refused the recipient (invalid-recipient); not failed over',
    ]);
  });

  it.each([
    ['an SMS 500', 'SMS', () => infobipV3Error(500, 'E500'), 'transient', 'HTTP 500, code E500'],
    [
      'a REJECTED status inside a 200',
      'SMS',
      () => infobipRejected('REJECTED_NOT_ENOUGH_CREDITS'),
      'vendor-config',
      'HTTP 200, code REJECTED_NOT_ENOUGH_CREDITS',
    ],
    [
      'a voice 429',
      'CALL',
      () => infobipV2Error(429, 'TOO_MANY_REQUESTS'),
      'rate-limited',
      'HTTP 429, code TOO_MANY_REQUESTS',
    ],
  ])(
    'should fail over to the second Infobip after %s',
    async (_name, channel, failure, outcome, detail) => {
      primary.script(failure);

      const res = await gateway.hook(hookRequest({ deliveryChannel: channel })).expect(200);

      expect(backup.requests).toHaveLength(1);
      const value = res.body.commands[0].value[0];
      expect(value).toMatchObject({
        status: 'SUCCESSFUL',
        provider: 'ib-b',
        transactionId: 'ib-0001',
      });
      expect(value.transactionMetadata).toContain(`attempts=ib-a:${outcome}(`);
      expect(value.transactionMetadata).toContain(`(${detail})`);
    },
  );

  it('should record the result of a delivery report that carries the token', async () => {
    const sent = await gateway.hook(hookRequest()).expect(200);
    const messageId = sent.body.commands[0].value[0].transactionId as string;
    const report = infobipSmsReport(
      messageId,
      'UNDELIVERABLE',
      'UNDELIVERABLE_NOT_DELIVERED',
      true,
    );
    expect(reportProblems(report, 'sms')).toEqual([]);

    await gateway
      .http()
      .post(`/callbacks/ib-a/status?token=${INFOBIP_CALLBACK_TOKEN}`)
      .send(report)
      .expect(200);

    expect(gateway.logs.entries()).toContainEqual(
      expect.objectContaining({
        msg: 'delivery receipt',
        provider: 'ib-a',
        transactionId: messageId,
        status: 'failed',
        vendorStatus: 'UNDELIVERABLE_NOT_DELIVERED',
        errorCode: 'EC_ABSENT_SUBSCRIBER',
        occurredAt: '2026-11-22T16:00:04.000+0000',
        result: 'applied',
      }),
    );
  });

  it('should not log a report’s id that looks like a phone number, for a message it never sent', async () => {
    const report = infobipSmsReport('+14155550123', 'UNDELIVERABLE', 'UNDELIVERABLE_NOT_DELIVERED');

    await gateway
      .http()
      .post(`/callbacks/ib-a/status?token=${INFOBIP_CALLBACK_TOKEN}`)
      .send(report)
      .expect(200);

    const lines = gateway.logs.entries().filter((e) => e.msg === 'delivery receipt');
    expect(lines.at(-1)).toMatchObject({
      provider: 'ib-a',
      status: 'undelivered',
      result: 'unknown',
    });
    expect(lines.at(-1)).not.toHaveProperty('transactionId');
    expect(JSON.stringify(gateway.logs.entries())).not.toContain('4155550123');
  });

  it.each([
    ['a wrong token', '/callbacks/ib-a/status?token=guessed-token-0123456789'],
    ['no token', '/callbacks/ib-a/status'],
    ['the provider without a token', `/callbacks/ib-b/status?token=${INFOBIP_CALLBACK_TOKEN}`],
  ])('should answer 403 to a report with %s and record nothing', async (_name, path) => {
    await gateway
      .http()
      .post(path)
      .send(infobipSmsReport('ib-FORGED', 'DELIVERED', 'DELIVERED_TO_HANDSET'))
      .expect(403);

    expect(JSON.stringify(gateway.logs.entries())).not.toContain('ib-FORGED');
  });
});
