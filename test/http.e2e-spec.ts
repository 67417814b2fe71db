import { ACME_KEY, acmeError, acmeSmsProvider, FakeHttpVendor } from './support/fakes/http.fake';
import { FakeTwilio, TWILIO_SID, TWILIO_TOKEN } from './support/fakes/twilio.fake';
import { hookRequest } from './support/okta';
import { describeVendor } from './support/vendor-contract';

/** A JSON vendor as a user would configure it: request template and response reading. */
const acme = (fake: FakeHttpVendor) =>
  acmeSmsProvider(fake.url, {
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

const sentence = 'Il tuo codice di verifica è 4, 8, 2, 1.';
/** Twilio behind the Compose card; started first, as the gateway's config names it. */
let twilio: FakeTwilio;
beforeAll(async () => (twilio = await FakeTwilio.start()));
afterAll(() => twilio.close());

describeVendor(
  {
    vendor: 'generic HTTP',
    says: 'HTTP vendor',
    ids: ['acme-a', 'acme-b'],
    start: () => FakeHttpVendor.start(),
    provider: (fake) => acme(fake),
    gateway: {
      providers: (primary) => ({
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
      }),
      routing: {
        default: ['acme-a', 'acme-b', 'acme-voice'],
        rules: [{ match: { countries: ['GB'] }, providers: ['workflows-twilio'] }],
      },
    },
    sms: {
      sent: (fake) => fake.json(),
      expected: {
        destination: '14155552671',
        sender: 'Acme',
        message: 'Acme code: 480213',
        reference: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
      transactionId: 'acme-sms-1',
    },
    voice: {
      locale: 'it-IT',
      provider: 'acme-voice',
      sent: (fake) => fake.json(),
      expected: {
        destination: '14155552671',
        caller: '+12025550100',
        speech: `${sentence} ${sentence}`,
        language: 'it-IT',
      },
      transactionId: 'acme-voice-1',
    },
    notFailedOver: [
      [
        'the status is listed as invalidRecipient',
        () => acmeError(400, 'invalid destination'),
        'invalid-recipient',
        'HTTP vendor rejected the recipient (HTTP 400)',
      ],
    ],
    failedOver: [
      ['a 503', () => acmeError(503, 'down'), 'transient', { detail: '(HTTP 503)' }],
      [
        'a failWhen value inside a 2xx',
        () => ({ status: 202, body: { data: { id: 'x', state: 'rejected' } } }),
        'vendor-config',
        { detail: '(HTTP 202, code rejected)' },
      ],
    ],
    withoutVendorId: [
      [
        'a 202 with no id at messageIdPath',
        () => ({ status: 202, body: { data: { state: 'accepted' } } }),
        'HTTP vendor answered 202 without a message id at response.messageIdPath',
      ],
      [
        'a 202 whose body is not JSON',
        () => ({ status: 202, body: 'accepted' }),
        'HTTP vendor answered 202 without a message id at response.messageIdPath',
      ],
    ],
    secrets: [ACME_KEY, TWILIO_TOKEN],
  },
  (acme) => {
    afterEach(() => {
      const problems = [...twilio.problems];
      twilio.reset();
      expect(problems).toEqual([]);
    });

    it('should fill the JSON template with any text, escaped, and answer with the id at messageIdPath', async () => {
      const text = 'Code 480213 "quoted" \\ & = {{code}}\nÜ';

      const res = await acme.gateway
        .hook(hookRequest({ otpCode: '480213', msgTemplate: text }))
        .expect(200);

      expect(acme.primary.json()).toEqual({
        destination: '14155552671',
        sender: 'Acme',
        message: text,
        reference: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(res.body.commands[0].value[0]).toMatchObject({
        provider: 'acme-a',
        transactionId: 'acme-sms-1',
      });
    });

    it('should send the Workflows Compose card as a form to Twilio, checked against its OpenAPI', async () => {
      const res = await acme.gateway
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
  },
);
