import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { OtpMessage } from '../telephony-provider';
import { GenericHttpConfig } from './generic-http.config';
import { GenericHttpProvider } from './generic-http.provider';

const config = (fields: Partial<GenericHttpConfig> = {}): GenericHttpConfig =>
  Object.assign(new GenericHttpConfig(), {
    type: 'http',
    baseUrl: 'https://sms.example.com',
    channels: ['sms', 'voice'],
    path: '/v1/messages',
    from: 'Acme',
    headers: { Authorization: 'Bearer t0ken', 'X-Ref': '{{deliveryId}}' },
    template: { to: '{{to}}', from: '{{from}}', text: '{{text}}' },
    ...fields,
  });

const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+447400123456',
  channel: 'sms',
  code: '123',
  text: 'Your code is 123',
  locale: 'de-AT',
  deliveryId: 'd-1',
  ...fields,
});

const http = {} as VendorHttpClient;

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe(GenericHttpProvider.name, () => {
  it('should build a JSON request with headers by name in lower case', () => {
    const sut = new GenericHttpProvider('gw', ['sms'], config(), http);

    expect(sut.request(message())).toEqual({
      method: 'POST',
      path: '/v1/messages',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer t0ken',
        'x-ref': 'd-1',
      },
      body: '{"to":"+447400123456","from":"Acme","text":"Your code is 123"}',
    });
  });

  it('should build a form request with Basic auth, the Workflows Compose card as a template', () => {
    const sut = new GenericHttpProvider(
      'gw',
      ['sms'],
      config({
        format: 'form',
        headers: undefined,
        basicAuth: { username: 'AC123', password: 'secret' },
        template: { To: '{{to}}', From: '{{from}}', Body: '{{text}}' },
      }),
      http,
    );

    expect(sut.request(message({ text: 'a&b=c' }))).toEqual({
      method: 'POST',
      path: '/v1/messages',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('AC123:secret').toString('base64')}`,
      },
      body: 'To=%2B447400123456&From=Acme&Body=a%26b%3Dc',
    });
  });

  it('should percent-encode values in the path and send no body with GET', () => {
    const sut = new GenericHttpProvider(
      'gw',
      ['sms'],
      config({ method: 'GET', path: '/send?to={{toDigits}}&msg={{text}}', template: undefined }),
      http,
    );

    expect(sut.request(message({ text: 'a b&c=d/e' }))).toEqual({
      method: 'GET',
      path: '/send?to=447400123456&msg=a%20b%26c%3Dd%2Fe',
      headers: { authorization: 'Bearer t0ken', 'x-ref': 'd-1' },
      body: undefined,
    });
  });

  it('should let a configured Content-Type win over the format default', () => {
    const sut = new GenericHttpProvider(
      'gw',
      ['sms'],
      config({ headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
      http,
    );

    expect(sut.request(message()).headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
    });
  });

  it('should refuse to send when a header value would contain a line break', () => {
    const sut = new GenericHttpProvider(
      'gw',
      ['sms'],
      config({ headers: { 'X-Text': '{{text}}' } }),
      http,
    );

    expect(thrownBy(() => sut.request(message({ text: 'hi\r\nX-Admin: true' })))).toMatchObject({
      code: ProviderErrorCode.VendorConfig,
      message: 'header x-text would contain a line break; nothing was sent',
    });
  });

  it('should fill every placeholder, the speech in a language the vendor speaks', () => {
    const sut = new GenericHttpProvider(
      'gw',
      ['voice'],
      config({ languages: ['en-GB', 'de-DE', 'xx-XX'] }),
      http,
    );

    const sentence = 'Ihr Bestätigungscode lautet 1, 2, 3.';
    expect(sut.values(message({ channel: 'voice' }))).toEqual({
      to: '+447400123456',
      toDigits: '447400123456',
      from: 'Acme',
      text: 'Your code is 123',
      code: '123',
      channel: 'voice',
      locale: 'de-AT',
      deliveryId: 'd-1',
      speech: `${sentence} ${sentence}`,
      speechLanguage: 'de-DE',
    });
  });

  it('should speak the first configured language when the locale is not among them', () => {
    const sut = new GenericHttpProvider('gw', ['voice'], config({ languages: ['en-GB'] }), http);

    const values = sut.values(message({ locale: 'ja-JP', code: '9' }));
    expect([values.speech, values.speechLanguage]).toEqual([
      'Your verification code is 9. Your verification code is 9.',
      'en-GB',
    ]);
  });
});
