import { ACME_KEY, acmeError, FakeHttpVendor } from './support/fakes/http.fake';
import { FakeTwilio, TWILIO_SID, TWILIO_TOKEN } from './support/fakes/twilio.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { closeAll, expectSentWithoutVendorId } from './support/vendor-e2e';

/** A JSON vendor as a user would configure it: request template and response reading. */
const acme = (fake: FakeHttpVendor) => ({
  type: 'http',
  channels: ['sms'],
  baseUrl: fake.url,
  path: '/v2/sms',
  headers: { Authorization: `Bearer ${ACME_KEY}` },
  from: 'Acme',
  template: {
    destination: '{{toDigits}}',
    sender: '{{from}}',
    message: '{{text}}',
    reference: '{{deliveryId}}',
  },
  response: {
    messageIdPath: 'data.id',
    invalidRecipient: [400],
    failWhen: { path: 'data.state', values: ['rejected'] },
  },
  timeoutMs: 1000,
});

/** The Okta Workflows Compose card `To=..&From=..&Body=..` + API Connector, as a form template. */
const composeCard = (fake: FakeTwilio) => ({
  type: 'http',
  channels: ['sms'],
  baseUrl: fake.url,
  path: `/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`,
  basicAuth: { username: TWILIO_SID, password: TWILIO_TOKEN },
  format: 'form',
  from: '+15005550006',
  template: { To: '{{to}}', From: '{{from}}', Body: '{{text}}' },
  response: { messageIdPath: 'sid' },
});

describe('generic HTTP provider (e2e)', () => {
  let primary: FakeHttpVendor;
  let backup: FakeHttpVendor;
  let twilio: FakeTwilio;
  let gateway: Gateway;

  beforeAll(async () => {
    [primary, backup, twilio] = await Promise.all([
      FakeHttpVendor.start(),
      FakeHttpVendor.start(),
      FakeTwilio.start(),
    ]);
    gateway = await startGateway(
      testConfig({
        providers: {
          'acme-a': acme(primary),
          'acme-b': acme(backup),
          'acme-voice': {
            ...acme(primary),
            channels: ['voice'],
            path: '/v2/voice',
            from: '+12025550100',
            languages: ['en-US', 'it-IT'],
            template: {
              destination: '{{toDigits}}',
              caller: '{{from}}',
              speech: '{{speech}}',
              language: '{{speechLanguage}}',
            },
          },
          'workflows-twilio': composeCard(twilio),
        },
        routing: {
          default: ['acme-a', 'acme-b', 'acme-voice'],
          rules: [{ match: { countries: ['GB'] }, providers: ['workflows-twilio'] }],
        },
      }),
    );
  });

  afterEach(() => {
    const problems = [...takeProblems(primary, backup), ...twilio.problems];
    twilio.server.requests.length = 0;
    twilio.problems.length = 0;
    expect(problems).toEqual([]);
  });

  afterAll(() => closeAll(gateway, primary, backup, twilio));

  it('should send the JSON template and answer with the id at messageIdPath', async () => {
    const text = 'Code 480213 "quoted" \\ & = {{code}}\nÜ';
    const res = await gateway
      .hook(hookRequest({ otpCode: '480213', msgTemplate: text }))
      .expect(200);

    expect(primary.json()).toEqual({
      destination: '14155552671',
      sender: 'Acme',
      message: text,
      reference: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'acme-a',
      transactionId: 'acme-sms-1',
      transactionMetadata: expect.stringMatching(/attempts=acme-a:sent\(\d+ms\)$/),
    });
  });

  it('should speak the code in the locale language through the voice template', async () => {
    const res = await gateway
      .hook(hookRequest({ deliveryChannel: 'voice call', otpCode: '4821', locale: 'it-IT' }))
      .expect(200);

    const sentence = 'Il tuo codice di verifica è 4, 8, 2, 1.';
    expect(primary.json()).toEqual({
      destination: '14155552671',
      caller: '+12025550100',
      speech: `${sentence} ${sentence}`,
      language: 'it-IT',
    });
    expect(res.body.commands[0].value[0]).toMatchObject({
      provider: 'acme-voice',
      transactionId: 'acme-voice-1',
    });
  });

  it('should send the Workflows Compose card as a form to Twilio, checked against its OpenAPI', async () => {
    const res = await gateway
      .hook(hookRequest({ phoneNumber: '+447400123456', msgTemplate: 'Code: 1 & 2 = 3' }))
      .expect(200);

    expect(twilio.form()).toEqual({
      To: '+447400123456',
      From: '+15005550006',
      Body: 'Code: 1 & 2 = 3',
    });
    expect(res.body.commands[0].value[0]).toMatchObject({
      provider: 'workflows-twilio',
      transactionId: 'SM00000000000000000000000000000001',
    });
  });

  it('should not fail over after a status listed as invalidRecipient', async () => {
    primary.script(() => acmeError(400, 'invalid destination'));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(0);
    const causes = res.body.error.errorCauses as { reason: string }[];
    expect(causes.map((c) => c.reason)).toEqual([
      expect.stringMatching(
        /^acme-a:invalid-recipient\(\d+ms: HTTP vendor rejected the recipient \(HTTP 400\)\)$/,
      ),
      'acme-a refused the recipient (invalid-recipient); not failed over',
    ]);
  });

  it.each([
    ['no id at messageIdPath', { data: { state: 'accepted' } }],
    ['a body that is not JSON', 'accepted'],
  ])(
    'should count a 2xx with %s as sent, under the delivery id, and never fail over',
    async (_n, body) => {
      primary.script(() => ({ status: 202, body }));

      await expectSentWithoutVendorId(
        gateway,
        hookRequest(),
        'acme-a',
        'HTTP vendor answered 202 without a message id at response.messageIdPath',
        backup,
      );
    },
  );

  it.each([
    ['a 503', () => acmeError(503, 'down'), 'transient(', '(HTTP 503)'],
    [
      'a failWhen value inside a 2xx',
      () => ({ status: 202, body: { data: { id: 'x', state: 'rejected' } } }),
      'vendor-config(',
      '(HTTP 202, code rejected)',
    ],
  ])('should fail over to the second vendor after %s', async (_name, failure, outcome, detail) => {
    primary.script(failure);

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.requests).toHaveLength(1);
    const value = res.body.commands[0].value[0];
    expect(value).toMatchObject({
      status: 'SUCCESSFUL',
      provider: 'acme-b',
      transactionId: 'acme-sms-1',
    });
    expect(value.transactionMetadata).toContain(`attempts=acme-a:${outcome}`);
    expect(value.transactionMetadata).toContain(detail);
  });
});
