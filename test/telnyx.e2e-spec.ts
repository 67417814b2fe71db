import { generateKeyPairSync } from 'node:crypto';
import { eventually } from './support/eventually';
import { GatewayLink } from './support/fakes/gateway-link';
import {
  FakeTelnyx,
  TELNYX_ACCOUNT_SID,
  TELNYX_API_KEY,
  TELNYX_CONNECTION,
  TELNYX_TEXML_APP,
  telnyxErrors,
} from './support/fakes/telnyx.fake';
import { signedHeaders, TELNYX_PUBLIC_KEY, telnyxEvent } from './support/fakes/telnyx.signing';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import {
  closeAll,
  expectFailedOver,
  expectNotFailedOver,
  expectNothingSecretLogged,
  expectSentWithoutVendorId,
  receiptLog,
  sealedBytes,
} from './support/vendor-e2e';

const PUBLIC_URL = 'https://otp.example.test';

describe('Telnyx provider (e2e)', () => {
  const link = new GatewayLink(PUBLIC_URL);
  let primary: FakeTelnyx;
  let backup: FakeTelnyx;
  let gateway: Gateway;

  const telnyx = (fake: FakeTelnyx, extra: Record<string, unknown> = {}) => ({
    type: 'telnyx',
    apiKey: '${TELNYX_API_KEY}',
    from: '+18445550001',
    accountSid: TELNYX_ACCOUNT_SID,
    texmlApplicationId: TELNYX_TEXML_APP,
    publicKey: TELNYX_PUBLIC_KEY,
    baseUrl: fake.url,
    timeoutMs: 1000,
    ...extra,
  });

  beforeAll(async () => {
    primary = await FakeTelnyx.start(link);
    backup = await FakeTelnyx.start(link);
    gateway = await startGateway(
      testConfig({
        server: { port: 0, publicUrl: PUBLIC_URL },
        providers: {
          'telnyx-a': telnyx(primary),
          'telnyx-b': telnyx(backup),
          'telnyx-cc': telnyx(primary, {
            voiceMode: 'call-control',
            connectionId: TELNYX_CONNECTION,
          }),
        },
        routing: {
          default: ['telnyx-a', 'telnyx-b'],
          rules: [{ match: { countries: ['GB'], channels: ['voice'] }, providers: ['telnyx-cc'] }],
        },
      }),
      { TELNYX_API_KEY },
    );
    link.connect(gateway.url);
  });

  afterEach(() => expect(takeProblems(primary, backup)).toEqual([]));

  afterAll(() => closeAll(gateway, primary, backup));

  it('should send an SMS and answer SUCCESSFUL with the message id', async () => {
    const res = await gateway
      .hook(hookRequest({ otpCode: '480213', msgTemplate: 'Acme code: 480213' }))
      .expect(200);

    expect(primary.bodies('messages')).toEqual([
      {
        to: '+14155552671',
        text: 'Acme code: 480213',
        from: '+18445550001',
        webhook_url: `${PUBLIC_URL}/callbacks/telnyx-a/status`,
      },
    ]);
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'telnyx-a',
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      transactionMetadata: expect.stringMatching(/attempts=telnyx-a:sent\(\d+ms\)$/),
    });
  });

  it('should place a TeXML call that says the code twice, and give Okta our delivery id', async () => {
    const res = await gateway
      .hook(hookRequest({ deliveryChannel: 'CALL', otpCode: '4821', locale: 'fr-FR' }))
      .expect(200);

    const value = res.body.commands[0].value[0];
    const deliveryId = /deliveryId=([0-9a-f-]{36})/.exec(String(value.transactionMetadata))?.[1];
    const say =
      '<Say voice="alice" language="fr-FR">Votre code de vérification est 4, 8, 2, 1.</Say>';
    expect(primary.bodies('texml')).toEqual([
      {
        To: '+14155552671',
        From: '+18445550001',
        ApplicationSid: TELNYX_TEXML_APP,
        Texml: `<?xml version="1.0" encoding="UTF-8"?><Response>${say}<Pause length="1"/>${say}</Response>`,
        StatusCallback: `${PUBLIC_URL}/callbacks/telnyx-a/status?ref=${deliveryId}`,
      },
    ]);
    expect(value).toMatchObject({
      status: 'SUCCESSFUL',
      provider: 'telnyx-a',
      transactionId: deliveryId,
    });
  });

  it('should run a Call Control call: dial, speak on answer, hang up after speaking, record the hangup', async () => {
    const res = await gateway
      .hook(
        hookRequest({
          phoneNumber: '+447400123456',
          deliveryChannel: 'voice',
          otpCode: '4821',
          locale: 'de-DE',
        }),
      )
      .expect(200);

    const callId = res.body.commands[0].value[0].transactionId as string;
    await eventually(
      () => primary.webhooks.length,
      (n) => n === 3,
    );
    const [dial] = primary.bodies('dial');
    expect(dial).toEqual({
      connection_id: TELNYX_CONNECTION,
      to: '+447400123456',
      from: '+18445550001',
      webhook_url: `${PUBLIC_URL}/callbacks/telnyx-cc/status`,
      client_state: expect.any(String),
      command_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      time_limit_secs: 120,
    });
    expect(sealedBytes(Buffer.from(String(dial.client_state), 'base64').toString())).not.toContain(
      '4, 8, 2, 1',
    );
    expect(primary.bodies('speak')).toEqual([
      {
        payload: 'Ihr Bestätigungscode lautet 4, 8, 2, 1.',
        payload_type: 'text',
        voice: 'female',
        language: 'de-DE',
        loop: 2,
        command_id: 'otg-speak',
      },
    ]);
    expect(primary.bodies('hangup')).toEqual([{ command_id: 'otg-hangup' }]);
    expect(primary.webhooks).toEqual([
      { eventType: 'call.answered', status: 200 },
      { eventType: 'call.speak.ended', status: 200 },
      { eventType: 'call.hangup', status: 200 },
    ]);
    expect(receiptLog(gateway, callId)).toMatchObject({
      provider: 'telnyx-cc',
      status: 'delivered',
      vendorStatus: 'normal_clearing',
    });
  });

  it.each([
    ['an SMS', {}, 'telnyx-a', 'message id'],
    [
      'a Call Control call',
      { deliveryChannel: 'voice call', phoneNumber: '+447400123456' },
      'telnyx-cc',
      'call_control_id',
    ],
  ])(
    'should count %s Telnyx took without its id as sent, and never fail over',
    async (_n, options, provider, field) => {
      primary.script(() => ({ status: 200, body: { data: { record_type: 'message' } } }));

      await expectSentWithoutVendorId(
        gateway,
        hookRequest(options),
        provider,
        `Telnyx answered without a ${field}`,
        backup,
      );
    },
  );

  it('should not fail over when the recipient opted out (40300)', async () => {
    primary.script(() => telnyxErrors(400, '40300'));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    expectNotFailedOver(
      res.body,
      'telnyx-a',
      'opted-out',
      'recipient opted out at Telnyx (HTTP 400, code 40300)',
    );
  });

  it.each([
    ['an unexpected error (10007)', () => telnyxErrors(500, '10007'), 'transient'],
    ['too many requests (10011)', () => telnyxErrors(429, '10011'), 'rate-limited'],
    ['an invalid source number (40013)', () => telnyxErrors(400, '40013'), 'vendor-config'],
  ])('should fail over to the second provider after %s', async (_name, failure, outcome) => {
    primary.script(failure);

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.bodies('messages')).toHaveLength(1);
    expectFailedOver(res.body, 'telnyx-a', 'telnyx-b', outcome);
  });

  describe('receipts', () => {
    const finalized = telnyxEvent('message.finalized', {
      id: '40385f64-5717-4562-b3fc-2c963f66afa6',
      to: [{ phone_number: '+14155552671', status: 'delivered' }],
      errors: [],
    });
    const post = (headers: Record<string, string>, body = finalized) =>
      gateway.http().post('/callbacks/telnyx-a/status').set(headers).send(body);

    it('should accept a signed message.finalized and log it', async () => {
      await post(signedHeaders(finalized)).expect(200);

      expect(receiptLog(gateway, '40385f64-5717-4562-b3fc-2c963f66afa6')).toMatchObject({
        provider: 'telnyx-a',
        status: 'delivered',
        vendorStatus: 'delivered',
      });
    });

    it('should answer 403 to a webhook signed with another key, or signed too long ago', async () => {
      const other = generateKeyPairSync('ed25519').privateKey;
      const stale = Math.floor(Date.now() / 1000) - 301;

      await post(signedHeaders(finalized, { key: other })).expect(403);
      await post(signedHeaders(finalized, { timestamp: stale })).expect(403);
      await post({ 'content-type': 'application/json' }).expect(403);
    });
  });

  it('should be refused by the fake when the API key is wrong (the fake checks it)', async () => {
    const res = await fetch(`${primary.url}/v2/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: JSON.stringify({ to: '+14155552671', from: '+18445550001', text: 'hi' }),
    });

    expect(res.status).toBe(401);
    expect(takeProblems(primary)).toEqual(['Bearer API key does not match']);
  });

  it('should never have logged a message text, a spoken code, a full phone number or a secret', () => {
    expectNothingSecretLogged(gateway, [
      'Acme code',
      '4, 8, 2, 1',
      '4155552671',
      '7400123456',
      TELNYX_API_KEY,
    ]);
  });
});
