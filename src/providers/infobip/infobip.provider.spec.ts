import { ServerConfig } from '../../common/server.config';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { CallbackRequest } from '../provider-callbacks';
import { OtpMessage } from '../telephony-provider';
import { InfobipConfig } from './infobip.config';
import { InfobipProvider, infobipVendor } from './infobip.provider';

const TOKEN = 'callback-token-0123456789';
const STATUS_URL = 'https://otp.example.com/callbacks/ib/status';

const config = (fields: Partial<InfobipConfig> = {}): InfobipConfig =>
  Object.assign(new InfobipConfig(), {
    type: 'infobip',
    baseUrl: 'https://xyz.api.infobip.com',
    apiKey: 'key',
    from: 'InfoSMS',
    voiceFrom: '41793026700',
    ...fields,
  });

const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+41793026727',
  channel: 'sms',
  code: '4821',
  text: 'Your code is 4821',
  locale: 'de-DE',
  deliveryId: 'd-1',
  ...fields,
});

const http = {} as VendorHttpClient;

describe(InfobipProvider.name, () => {
  it('should build the SMS v3 body with the number as digits and Infobip choosing the message id', () => {
    const sut = new InfobipProvider('ib', ['sms'], config(), http);

    expect(sut.smsBody(message())).toEqual({
      messages: [
        {
          sender: 'InfoSMS',
          destinations: [{ to: '41793026727' }],
          content: { text: 'Your code is 4821' },
        },
      ],
    });
  });

  it('should leave the sender to Infobip when none is configured', () => {
    const sut = new InfobipProvider('ib', ['sms'], config({ from: undefined }), http);

    expect(sut.smsBody(message()).messages[0]).not.toHaveProperty('sender');
  });

  it('should ask for delivery reports at the status URL with the token when one is configured', () => {
    const sut = new InfobipProvider(
      'ib',
      ['sms'],
      config({ callbackToken: TOKEN }),
      http,
      STATUS_URL,
    );

    expect(sut.smsBody(message()).messages[0].webhooks).toEqual({
      delivery: { url: `${STATUS_URL}?token=${TOKEN}` },
      contentType: 'application/json',
      callbackData: 'd-1',
    });
  });

  it('should not ask for reports without a token, as they could not be authenticated', () => {
    const sut = new InfobipProvider('ib', ['sms'], config(), http, STATUS_URL);

    expect(sut.smsBody(message()).messages[0]).not.toHaveProperty('webhooks');
  });

  it('should build the advanced TTS body reading the code twice with a pause', () => {
    const sut = new InfobipProvider(
      'ib',
      ['voice'],
      config({ callbackToken: TOKEN }),
      http,
      STATUS_URL,
    );

    const sentence = 'Ihr Bestätigungscode lautet 4, 8, 2, 1.';
    expect(sut.ttsBody(message({ channel: 'voice' }))).toEqual({
      messages: [
        {
          from: '41793026700',
          destinations: [{ to: '41793026727' }],
          text: `${sentence},, ${sentence}`,
          language: 'de',
          notifyUrl: `${STATUS_URL}?token=${TOKEN}`,
          notifyContentType: 'application/json',
          callbackData: 'd-1',
        },
      ],
    });
  });

  it.each([
    ['pt-PT', 'pt-pt'],
    ['pt', 'pt-br'],
    ['zh-CN', 'zh-cn'],
    ['EN-US', 'en'],
    ['ar', 'en'],
    [undefined, 'en'],
  ])('should speak locale %p in Infobip language %s', (locale, expected) => {
    const sut = new InfobipProvider('ib', ['voice'], config(), http);

    expect(sut.ttsBody(message({ channel: 'voice', locale })).messages[0].language).toBe(expected);
  });

  describe('handleCallback', () => {
    const report = {
      results: [
        { messageId: 'M1', status: { groupName: 'DELIVERED', name: 'DELIVERED_TO_HANDSET' } },
      ],
    };
    const callback = (params: Record<string, string | string[]>): CallbackRequest => ({
      method: 'POST',
      url: STATUS_URL,
      headers: {},
      rawBody: Buffer.from(JSON.stringify(report)),
      params,
      json: report,
    });

    it('should accept a report carrying the configured token', async () => {
      const sut = new InfobipProvider('ib', ['sms'], config({ callbackToken: TOKEN }), http);

      await expect(sut.handleCallback('status', callback({ token: TOKEN }))).resolves.toEqual({
        kind: 'receipts',
        receipts: [
          { transactionId: 'M1', status: 'delivered', vendorStatus: 'DELIVERED_TO_HANDSET' },
        ],
      });
    });

    it.each([
      ['no token', {}],
      ['another token', { token: 'callback-token-guessed!!' }],
      ['a repeated token', { token: [TOKEN, TOKEN] }],
    ])('should reject a report with %s', async (_name, params) => {
      const sut = new InfobipProvider('ib', ['sms'], config({ callbackToken: TOKEN }), http);

      await expect(sut.handleCallback('status', callback(params))).resolves.toEqual({
        kind: 'rejected',
      });
    });

    it('should reject every report when no token is configured', async () => {
      const sut = new InfobipProvider('ib', ['sms'], config(), http);

      await expect(sut.handleCallback('status', callback({ token: '' }))).resolves.toEqual({
        kind: 'rejected',
      });
    });
  });
});

describe('infobipVendor.check', () => {
  const check = infobipVendor.check!;
  const server = Object.assign(new ServerConfig(), { publicUrl: 'https://otp.example.com' });

  it('should accept a complete account', () => {
    expect(check(config({ callbackToken: TOKEN }), ['sms', 'voice'], server)).toEqual([]);
  });

  it('should need the account base URL, a caller id for voice and a public URL for receipts', () => {
    const bare = config({
      baseUrl: undefined,
      from: undefined,
      voiceFrom: undefined,
      callbackToken: TOKEN,
    });

    expect(check(bare, ['sms', 'voice'], new ServerConfig())).toEqual([
      'baseUrl: Infobip (https://<yours>.api.infobip.com) needs `baseUrl`',
      'voiceFrom: voice needs `voiceFrom` or `from`',
      'callbackToken: delivery receipts need server.publicUrl, the address vendors call back',
    ]);
  });
});
