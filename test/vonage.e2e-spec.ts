import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FakeVonage,
  VONAGE_API_KEY,
  VONAGE_API_SECRET,
  VONAGE_APPLICATION_ID,
  VONAGE_PRIVATE_KEY,
  VONAGE_SIGNATURE_SECRET,
  vonageProblem,
  vonageSmsAnswer,
} from './support/fakes/vonage.fake';
import { signVonageReceipt, vonageWebhookAuthorization } from './support/fakes/vonage.signing';
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
} from './support/vendor-e2e';

const PUBLIC_URL = 'https://otp.example.test';

describe('Vonage provider (e2e)', () => {
  let primary: FakeVonage;
  let backup: FakeVonage;
  let gateway: Gateway;

  const vonage = (fake: FakeVonage, extra: Record<string, unknown> = {}) => ({
    type: 'vonage',
    apiKey: VONAGE_API_KEY,
    apiSecret: VONAGE_API_SECRET,
    from: '+14155550199',
    applicationId: VONAGE_APPLICATION_ID,
    privateKey: '${file:' + keyFile() + '}',
    signatureSecret: '${VONAGE_SIGNATURE_SECRET}',
    signatureMethod: 'sha256hmac',
    baseUrl: fake.url,
    apiBaseUrl: fake.url,
    timeoutMs: 1000,
    ...extra,
  });

  beforeAll(async () => {
    primary = await FakeVonage.start();
    backup = await FakeVonage.start();
    gateway = await startGateway(
      testConfig({
        server: { port: 0, publicUrl: PUBLIC_URL },
        providers: {
          'vonage-a': vonage(primary),
          'vonage-b': vonage(backup),
          'vonage-m': vonage(primary, { smsApi: 'messages' }),
          'vonage-mb': vonage(primary, {
            smsApi: 'messages',
            applicationId: undefined,
            privateKey: undefined,
            channels: ['sms'],
          }),
        },
        routing: {
          default: ['vonage-a', 'vonage-b'],
          rules: [
            { match: { countries: ['GB'], channels: ['sms'] }, providers: ['vonage-m'] },
            { match: { countries: ['IE'], channels: ['sms'] }, providers: ['vonage-mb'] },
          ],
        },
      }),
      { VONAGE_SIGNATURE_SECRET },
    );
  });

  afterEach(() => expect(takeProblems(primary, backup)).toEqual([]));

  afterAll(() => closeAll(gateway, primary, backup));

  it('should send an SMS through the SMS API and answer SUCCESSFUL with the message-id', async () => {
    const res = await gateway
      .hook(hookRequest({ otpCode: '480213', msgTemplate: 'Acme code: 480213' }))
      .expect(200);

    expect(primary.form()).toEqual({
      api_key: VONAGE_API_KEY,
      api_secret: VONAGE_API_SECRET,
      from: '14155550199',
      to: '14155552671',
      text: 'Acme code: 480213',
      'client-ref': expect.stringMatching(/^[0-9a-f-]{36}$/),
      callback: `${PUBLIC_URL}/callbacks/vonage-a/status`,
    });
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'vonage-a',
      transactionId: '0000000000000001',
      transactionMetadata: expect.stringMatching(/attempts=vonage-a:sent\(\d+ms\)$/),
    });
  });

  it('should send an SMS through the Messages API with the application JWT', async () => {
    const res = await gateway
      .hook(hookRequest({ phoneNumber: '+447400123456', otpCode: '7788' }))
      .expect(200);

    expect(primary.requests[0].url).toBe('/v1/messages');
    expect(primary.requests[0].headers.authorization).toMatch(/^Bearer ey/);
    expect(primary.json()).toEqual({
      message_type: 'text',
      channel: 'sms',
      to: '447400123456',
      from: '14155550199',
      text: 'Your verification code is 7788',
      client_ref: expect.stringMatching(/^[0-9a-f-]{36}$/),
      webhook_url: `${PUBLIC_URL}/callbacks/vonage-m/status`,
      webhook_version: 'v1',
    });
    expect(res.body.commands[0].value[0]).toMatchObject({
      provider: 'vonage-m',
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('should use Basic auth for the Messages API when there is no application', async () => {
    await gateway.hook(hookRequest({ phoneNumber: '+353851234567' })).expect(200);

    expect(primary.requests[0].url).toBe('/v1/messages');
    expect(primary.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from(`${VONAGE_API_KEY}:${VONAGE_API_SECRET}`).toString('base64')}`,
    );
    expect(primary.json()).toMatchObject({ to: '353851234567', channel: 'sms' });
  });

  it('should place a call whose NCCO reads the code digit by digit, twice, in the locale language', async () => {
    const res = await gateway
      .hook(hookRequest({ deliveryChannel: 'voice call', otpCode: '4821', locale: 'de-DE' }))
      .expect(200);

    expect(primary.requests[0].url).toBe('/v1/calls');
    expect(primary.json()).toEqual({
      to: [{ type: 'phone', number: '14155552671' }],
      from: { type: 'phone', number: '14155550199' },
      ncco: [
        {
          action: 'talk',
          text: 'Ihr Bestätigungscode lautet 4, 8, 2, 1.',
          language: 'de-DE',
          loop: 2,
          bargeIn: false,
        },
      ],
      event_url: [`${PUBLIC_URL}/callbacks/vonage-a/status`],
      event_method: 'POST',
    });
    expect(res.body.commands[0].value[0]).toMatchObject({
      status: 'SUCCESSFUL',
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it.each([
    [
      'an SMS API answer whose part has no message-id',
      {},
      () => vonageSmsAnswer('0'),
      'vonage-a',
      'message-id',
    ],
    [
      'an empty SMS API answer',
      {},
      () => ({ status: 200, body: { 'message-count': '0', messages: [] } }),
      'vonage-a',
      'message-id',
    ],
    [
      'a Messages API 202 without message_uuid',
      { phoneNumber: '+447400123456' },
      () => ({ status: 202, body: {} }),
      'vonage-m',
      'message_uuid',
    ],
    [
      'a call created without uuid',
      { deliveryChannel: 'voice call' },
      () => ({ status: 201, body: { status: 'started' } }),
      'vonage-a',
      'uuid',
    ],
  ])(
    'should count %s as sent, and never fail over',
    async (_n, options, answer, provider, field) => {
      primary.script(answer);

      await expectSentWithoutVendorId(
        gateway,
        hookRequest(options),
        provider,
        `Vonage answered without a ${field}`,
        backup,
      );
    },
  );

  it('should count an SMS as sent when one part went out and another was refused', async () => {
    primary.script(() => ({
      status: 200,
      body: {
        'message-count': '2',
        messages: [
          { status: '0', 'message-id': '0A0000000123ABCD1', network: '23410' },
          { status: '5', 'error-text': 'Internal Error' },
        ],
      },
    }));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(res.body.commands[0].value[0]).toMatchObject({
      status: 'SUCCESSFUL',
      provider: 'vonage-a',
      transactionId: '0A0000000123ABCD1',
    });
    expect(backup.requests).toHaveLength(0);
  });

  it('should not fail over when Vonage says the number is invalid (status 6)', async () => {
    primary.script(() => vonageSmsAnswer('6'));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    expect(res.body.error.errorSummary).toBe('Failed to deliver SMS OTP');
    expectNotFailedOver(
      res.body,
      'vonage-a',
      'invalid-recipient',
      'Vonage rejected the recipient (status 6)',
    );
  });

  it.each([
    ['an internal error (status 5)', () => vonageSmsAnswer('5'), 'transient'],
    ['throttling (status 1)', () => vonageSmsAnswer('1'), 'rate-limited'],
    ['a Voice API 500', () => vonageProblem(500, '1030'), 'transient'],
  ])('should fail over to the second provider after %s', async (_name, failure, outcome) => {
    primary.script(failure);
    const voice = _name.includes('Voice');

    const res = await gateway
      .hook(hookRequest({ deliveryChannel: voice ? 'CALL' : 'SMS' }))
      .expect(200);

    expect(backup.requests).toHaveLength(1);
    expectFailedOver(res.body, 'vonage-a', 'vonage-b', outcome);
  });

  describe('receipts', () => {
    const dlr = {
      msisdn: '14155552671',
      to: '14155550199',
      'network-code': '310260',
      messageId: '0B00000042C0FFEE',
      price: '0.00570000',
      status: 'delivered',
      scts: '2611221043',
      'err-code': '0',
      'api-key': VONAGE_API_KEY,
      'client-ref': 'd-1',
      'message-timestamp': '2026-11-22 10:43:12',
      timestamp: '1795430592',
      nonce: 'ec11dd3e-1e7f-4db5-9467-82b02cd223b9',
    };

    it('should accept a signed SMS receipt and log it', async () => {
      await gateway
        .http()
        .post('/callbacks/vonage-a/status')
        .type('form')
        .send(signVonageReceipt(dlr, VONAGE_SIGNATURE_SECRET))
        .expect(200);

      expect(receiptLog(gateway, '0B00000042C0FFEE')).toMatchObject({
        provider: 'vonage-a',
        status: 'delivered',
        vendorStatus: 'delivered',
        occurredAt: '2026-11-22T10:43:12Z',
      });
    });

    it('should answer 403 to an SMS receipt signed with another secret', async () => {
      const forged = signVonageReceipt(
        { ...dlr, messageId: 'forged-1' },
        'not-the-signature-secret',
      );

      await gateway.http().post('/callbacks/vonage-a/status').type('form').send(forged).expect(403);
      expect(receiptLog(gateway, 'forged-1')).toBeUndefined();
    });

    it('should accept a signed Voice event and refuse one whose body was changed', async () => {
      const body = JSON.stringify({
        uuid: 'call-9',
        status: 'completed',
        timestamp: '2026-11-22T10:44:00.000Z',
      });
      const authorization = await vonageWebhookAuthorization(body, VONAGE_SIGNATURE_SECRET);
      const send = (payload: string) =>
        gateway
          .http()
          .post('/callbacks/vonage-a/status')
          .set('authorization', authorization)
          .type('json')
          .send(payload);

      await send(body).expect(200);
      await send(body.replace('completed', 'failed')).expect(403);

      expect(receiptLog(gateway, 'call-9')).toMatchObject({
        provider: 'vonage-a',
        status: 'delivered',
        vendorStatus: 'completed',
      });
    });
  });

  it('should be refused by the fake when the credentials are wrong (the fake checks them)', async () => {
    const res = await fetch(`${primary.url}/sms/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'api_key=abcd1234&api_secret=wrong-secret&from=Acme&to=14155552671&text=hi',
    });

    expect(res.status).toBe(422);
    expect(takeProblems(primary)).toEqual(['api_key and api_secret do not match']);
  });

  it('should never have logged a message text, a spoken code, a full phone number or a secret', () => {
    expectNothingSecretLogged(gateway, [
      'Acme code',
      '4, 8, 2, 1',
      '4155552671',
      '7400123456',
      VONAGE_API_SECRET,
    ]);
  });
});

let keyPath: string | undefined;

/** The application key as a mounted secret file, read through `${file:}`. */
function keyFile(): string {
  keyPath ??= join(mkdtempSync(join(tmpdir(), 'otg-vonage-')), 'private.key');
  writeFileSync(keyPath, VONAGE_PRIVATE_KEY);
  return keyPath;
}
