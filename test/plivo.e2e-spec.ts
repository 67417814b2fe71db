import { randomUUID } from 'node:crypto';
import { eventually } from './support/eventually';
import { GatewayLink } from './support/fakes/gateway-link';
import {
  FakePlivo,
  PLIVO_AUTH_ID,
  PLIVO_AUTH_TOKEN,
  plivoError,
  plivoInvalidNumber,
  plivoSignature,
} from './support/fakes/plivo.fake';
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

describe('Plivo provider (e2e)', () => {
  const link = new GatewayLink(PUBLIC_URL);
  let primary: FakePlivo;
  let backup: FakePlivo;
  let gateway: Gateway;

  const plivo = (fake: FakePlivo) => ({
    type: 'plivo',
    authId: PLIVO_AUTH_ID,
    authToken: '${PLIVO_AUTH_TOKEN}',
    src: '+14155550000',
    baseUrl: fake.url,
    timeoutMs: 1000,
  });

  beforeAll(async () => {
    primary = await FakePlivo.start(link);
    backup = await FakePlivo.start(link);
    gateway = await startGateway(
      testConfig({
        server: { port: 0, publicUrl: PUBLIC_URL },
        providers: { 'plivo-a': plivo(primary), 'plivo-b': plivo(backup) },
        routing: { default: ['plivo-a', 'plivo-b'] },
      }),
      { PLIVO_AUTH_TOKEN },
    );
    link.connect(gateway.url);
  });

  afterEach(() => expect(takeProblems(primary, backup)).toEqual([]));

  afterAll(() => closeAll(gateway, primary, backup));

  it('should send an SMS and answer SUCCESSFUL with message_uuid[0]', async () => {
    const res = await gateway
      .hook(hookRequest({ otpCode: '480213', msgTemplate: 'Acme code: 480213' }))
      .expect(200);

    expect(primary.requests[0].url).toBe(`/v1/Account/${PLIVO_AUTH_ID}/Message/`);
    expect(primary.json()).toEqual({
      src: '+14155550000',
      dst: '+14155552671',
      text: 'Acme code: 480213',
      type: 'sms',
      url: `${PUBLIC_URL}/callbacks/plivo-a/status`,
      method: 'POST',
    });
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'plivo-a',
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      transactionMetadata: expect.stringMatching(/attempts=plivo-a:sent\(\d+ms\)$/),
    });
  });

  it('should place a call whose answer URL, fetched and signed by Plivo, speaks the code twice', async () => {
    const res = await gateway
      .hook(hookRequest({ deliveryChannel: 'voice call', otpCode: '4821', locale: 'es-US' }))
      .expect(200);

    await eventually(
      () => primary.hangups.length,
      (n) => n > 0,
    );
    const [answer] = primary.answers;
    const call = primary.json() as Record<string, unknown>;
    expect(call).toEqual({
      from: '14155550000',
      to: '14155552671',
      answer_url: expect.stringMatching(
        new RegExp(`^${PUBLIC_URL}/callbacks/plivo-a/answer\\?s=[A-Za-z0-9_-]+$`),
      ),
      answer_method: 'POST',
      hangup_url: `${PUBLIC_URL}/callbacks/plivo-a/status`,
      hangup_method: 'POST',
    });
    expect(sealedBytes(String(call.answer_url).split('?s=')[1])).not.toContain('4, 8, 2, 1');
    const spoken = {
      voice: 'WOMAN',
      language: 'es-US',
      text: 'Su código de verificación es 4, 8, 2, 1.',
    };
    expect(answer).toEqual({
      status: 200,
      contentType: 'application/xml',
      spoken: [spoken, spoken],
      waits: 1,
    });
    expect(primary.hangups).toEqual([200]);
    const transactionId = res.body.commands[0].value[0].transactionId as string;
    expect(receiptLog(gateway, transactionId)).toMatchObject({
      provider: 'plivo-a',
      status: 'delivered',
      vendorStatus: 'completed',
    });
  });

  it('should refuse to serve the call script to a request Plivo did not sign', async () => {
    await gateway.hook(hookRequest({ deliveryChannel: 'CALL', otpCode: '9071' })).expect(200);
    await eventually(
      () => primary.hangups.length,
      (n) => n > 0,
    );
    const answerUrl = String((primary.json() as Record<string, unknown>).answer_url);

    const res = await gateway
      .http()
      .post(answerUrl.slice(PUBLIC_URL.length))
      .type('form')
      .send({ CallUUID: 'x' })
      .expect(403);

    expect(res.text).not.toContain('9, 0, 7, 1');
  });

  it.each([
    [
      'an SMS',
      {},
      'message_uuid',
      () => ({ status: 202, body: { message: 'message(s) queued', api_id: randomUUID() } }),
    ],
    [
      'a call',
      { deliveryChannel: 'voice call' },
      'request_uuid',
      () => ({ status: 201, body: { message: 'call fired', api_id: randomUUID() } }),
    ],
  ])(
    'should count %s Plivo took without its id as sent, and never fail over',
    async (_n, options, field, answer) => {
      primary.script(answer);

      await expectSentWithoutVendorId(
        gateway,
        hookRequest(options),
        'plivo-a',
        `Plivo answered without a ${field}`,
        backup,
      );
    },
  );

  it('should not fail over when Plivo lists the number as invalid', async () => {
    primary.script(() => plivoInvalidNumber('+14155552671'));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    expectNotFailedOver(
      res.body,
      'plivo-a',
      'invalid-recipient',
      'Plivo rejected the recipient (invalid_number)',
    );
  });

  it('should not fail over when Plivo answers 400 that the destination is not a valid number', async () => {
    primary.script(() => plivoError(400, '14155552671 is not a valid number'));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    expectNotFailedOver(
      res.body,
      'plivo-a',
      'invalid-recipient',
      'Plivo rejected the recipient (invalid_number)',
    );
  });

  it.each([
    ['a 500', () => plivoError(500), 'transient'],
    [
      'a geo permission refusal (403)',
      () => plivoError(403, 'destination country not enabled'),
      'vendor-config',
    ],
  ])('should fail over to the second provider after %s', async (_name, failure, outcome) => {
    primary.script(failure);

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(1);
    expectFailedOver(res.body, 'plivo-a', 'plivo-b', outcome);
  });

  describe('receipts', () => {
    const url = `${PUBLIC_URL}/callbacks/plivo-a/status`;
    const status = {
      MessageUUID: 'db3ce55a-7f1d-11e1-8ea7-1231380bc196',
      To: '14155552671',
      From: '14155550000',
      Status: 'undelivered',
      ErrorCode: '200',
      Units: '1',
    };
    const post = (signature: string, nonce: string) =>
      gateway
        .http()
        .post('/callbacks/plivo-a/status')
        .set('x-plivo-signature-v3', signature)
        .set('x-plivo-signature-v3-nonce', nonce)
        .type('form')
        .send(status);

    it('should accept a V3-signed message status and log it', async () => {
      const nonce = randomUUID();

      await post(plivoSignature(url, status, nonce), nonce).expect(200);

      expect(receiptLog(gateway, status.MessageUUID)).toMatchObject({
        provider: 'plivo-a',
        status: 'undelivered',
        vendorStatus: 'undelivered',
        errorCode: '200',
      });
    });

    it('should answer 403 to a status signed with another token', async () => {
      const nonce = randomUUID();

      await post(plivoSignature(url, status, nonce, 'not-the-auth-token'), nonce).expect(403);
    });
  });

  it('should be refused by the fake without the trailing slash (the fake checks the path)', async () => {
    const res = await fetch(`${primary.url}/v1/Account/${PLIVO_AUTH_ID}/Message`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${PLIVO_AUTH_ID}:${PLIVO_AUTH_TOKEN}`).toString('base64')}`,
      },
      body: JSON.stringify({ src: '+14155550000', dst: '+14155552671', text: 'hi' }),
    });

    expect(res.status).toBe(400);
    expect(takeProblems(primary)).toEqual([`unexpected POST /v1/Account/${PLIVO_AUTH_ID}/Message`]);
  });

  it('should never have logged a message text, a spoken code, a full phone number or a secret', () => {
    expectNothingSecretLogged(gateway, [
      'Acme code',
      '4, 8, 2, 1',
      '9, 0, 7, 1',
      '4155552671',
      PLIVO_AUTH_TOKEN,
    ]);
  });
});
