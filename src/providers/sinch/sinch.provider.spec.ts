import { ServerConfig } from '../../common/server.config';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { CallbackRequest } from '../provider-callbacks';
import { OtpMessage } from '../telephony-provider';
import { SinchConfig } from './sinch.config';
import { SinchProvider, sinchVendor } from './sinch.provider';
import { webhookSignature } from './sinch.signature';

const config = (fields: Partial<SinchConfig> = {}): SinchConfig =>
  Object.assign(new SinchConfig(), {
    type: 'sinch',
    servicePlanId: 'plan1',
    apiToken: 'token',
    from: '+12025550100',
    applicationKey: 'app-key',
    applicationSecret: 'c2VjcmV0LXNlY3JldA==',
    ...fields,
  });

const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+447400123456',
  channel: 'sms',
  code: '123456',
  text: 'Your code is 123456',
  locale: 'fr-FR',
  deliveryId: 'd-1',
  ...fields,
});

const http = {} as VendorHttpClient;
const clients = { sms: http, voice: http, voicePathPrefix: '' };
const CALLBACK = 'https://otp.example.com/callbacks/sinch/status';

describe(SinchProvider.name, () => {
  it('should build the batch with one recipient and our delivery id as client reference', () => {
    const sut = new SinchProvider('sinch', ['sms'], config(), clients);

    expect(sut.batchBody(message())).toEqual({
      from: '+12025550100',
      to: ['+447400123456'],
      body: 'Your code is 123456',
      client_reference: 'd-1',
    });
  });

  it('should ask for per-recipient delivery reports when it has a callback URL', () => {
    const sut = new SinchProvider('sinch', ['sms'], config(), clients, CALLBACK);

    expect(sut.batchBody(message())).toMatchObject({
      delivery_report: 'per_recipient',
      callback_url: CALLBACK,
    });
  });

  it('should build a ttsCallout that reads the code twice in the locale language', () => {
    const sut = new SinchProvider('sinch', ['voice'], config({ cli: '+12025550199' }), clients);

    const sentence = 'Votre code de vérification est 1, 2, 3, 4, 5, 6.';
    expect(sut.calloutBody(message({ channel: 'voice' }))).toEqual({
      method: 'ttsCallout',
      ttsCallout: {
        cli: '+12025550199',
        destination: { type: 'number', endpoint: '+447400123456' },
        domain: 'pstn',
        locale: 'fr-FR',
        text: `${sentence} ${sentence}`,
      },
    });
  });

  it.each([
    ['EN', 'en-US', 'Your verification code is'],
    ['de-CH', 'de-DE', 'Ihr Bestätigungscode lautet'],
    ['zh-CN', 'en-US', 'Your verification code is'],
    [undefined, 'en-US', 'Your verification code is'],
  ])('should speak locale %p as %s', (locale, expected, intro) => {
    const sut = new SinchProvider('sinch', ['voice'], config(), clients);

    const { ttsCallout } = sut.calloutBody(message({ channel: 'voice', code: '7', locale }));
    expect([ttsCallout.locale, ttsCallout.text]).toEqual([expected, `${intro} 7. ${intro} 7.`]);
  });

  it('should sign the callout with the time of the request and the voice base path', () => {
    const at = () => new Date('2026-11-22T02:54:59.000Z');
    const sut = new SinchProvider('sinch', ['voice'], config(), clients, undefined, at);

    expect(sut.signedHeaders('{"method":"ttsCallout"}')).toEqual({
      authorization: 'Application app-key:MiZ5q6gdSzVRy9tPzOGGSjfNoOgm/szfUWG3kogT6CM=',
      'x-timestamp': '2026-11-22T02:54:59.000Z',
      'content-type': 'application/json',
    });
  });

  describe('handleCallback', () => {
    const body = Buffer.from(
      JSON.stringify({
        type: 'recipient_delivery_report_sms',
        batch_id: 'B1',
        status: 'Delivered',
        code: 0,
      }),
    );
    const signed = (secret: string): CallbackRequest => ({
      method: 'POST',
      url: CALLBACK,
      headers: {
        'x-sinch-webhook-signature': webhookSignature(secret, body, 'n', '1'),
        'x-sinch-webhook-signature-nonce': 'n',
        'x-sinch-webhook-signature-timestamp': '1',
      },
      rawBody: body,
      params: {},
      json: JSON.parse(body.toString()) as unknown,
    });

    it('should turn a signed delivery report into a receipt', async () => {
      const sut = new SinchProvider('s', ['sms'], config({ callbackSecret: 'cb' }), clients);

      await expect(sut.handleCallback('status', signed('cb'))).resolves.toEqual({
        kind: 'receipts',
        receipts: [{ transactionId: 'B1', status: 'delivered', vendorStatus: 'Delivered' }],
      });
    });

    it('should reject a report signed with another secret', async () => {
      const sut = new SinchProvider('s', ['sms'], config({ callbackSecret: 'cb' }), clients);

      await expect(sut.handleCallback('status', signed('forged'))).resolves.toEqual({
        kind: 'rejected',
      });
    });

    it('should reject every report when no callback secret is configured', async () => {
      const sut = new SinchProvider('s', ['sms'], config(), clients);

      await expect(sut.handleCallback('status', signed(''))).resolves.toEqual({
        kind: 'rejected',
      });
    });

    it('should have no callback of another kind', async () => {
      const sut = new SinchProvider('s', ['sms'], config({ callbackSecret: 'cb' }), clients);

      await expect(sut.handleCallback('voice', signed('cb'))).resolves.toBeUndefined();
    });
  });
});

describe('sinchVendor.check', () => {
  const server = Object.assign(new ServerConfig(), { publicUrl: 'https://otp.example.com' });
  const check = sinchVendor.check!;

  it('should accept a complete SMS and voice account', () => {
    expect(check(config(), ['sms', 'voice'], server)).toEqual([]);
  });

  it('should name every key a channel lacks', () => {
    const bare = Object.assign(new SinchConfig(), { type: 'sinch' });

    expect(check(bare, ['sms', 'voice'], server)).toEqual([
      'servicePlanId: SMS needs `servicePlanId`',
      'apiToken: SMS needs `apiToken`',
      'from: SMS needs `from`',
      'applicationKey: voice needs `applicationKey`',
      'applicationSecret: voice needs `applicationSecret`',
      'cli: voice needs `cli` or `from`',
    ]);
  });

  it('should need a public URL when a callback secret is set', () => {
    expect(check(config({ callbackSecret: 'cb' }), ['sms'], new ServerConfig())).toEqual([
      'callbackSecret: delivery receipts need server.publicUrl, the address vendors call back',
    ]);
  });
});
