import { VendorHttpClient, VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { OtpMessage } from '../telephony-provider';
import { TwilioConfig } from './twilio.config';
import { twilioError } from './twilio.errors';
import { TwilioProvider } from './twilio.provider';

const config = (fields: Partial<TwilioConfig> = {}): TwilioConfig =>
  Object.assign(new TwilioConfig(), {
    type: 'twilio',
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'token',
    from: '+15005550006',
    ...fields,
  });

const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+447400123456',
  channel: 'sms',
  code: '123456',
  text: 'Your code is 123456 & "more" = 5 ✓',
  locale: 'fr-FR',
  deliveryId: 'd-1',
  ...fields,
});

const http = {} as VendorHttpClient;

describe(TwilioProvider.name, () => {
  it('should build the Messages form with From and Body', () => {
    const sut = new TwilioProvider('tw', ['sms'], config(), http);

    expect(Object.fromEntries(sut.smsForm(message()))).toEqual({
      To: '+447400123456',
      From: '+15005550006',
      Body: 'Your code is 123456 & "more" = 5 ✓',
    });
    expect(sut.smsForm(message()).toString()).toBe(
      'To=%2B447400123456&From=%2B15005550006&Body=Your+code+is+123456+%26+%22more%22+%3D+5+%E2%9C%93',
    );
  });

  it('should prefer the Messaging Service and add the status callback when the service has a public URL', () => {
    const sut = new TwilioProvider(
      'tw',
      ['sms'],
      config({ messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' }),
      http,
      'https://otp.example.com/callbacks/tw/status',
    );

    expect(Object.fromEntries(sut.smsForm(message()))).toEqual({
      To: '+447400123456',
      MessagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
      Body: 'Your code is 123456 & "more" = 5 ✓',
      StatusCallback: 'https://otp.example.com/callbacks/tw/status',
    });
  });

  it('should build the Calls form with TwiML that reads the code twice in the locale language', () => {
    const sut = new TwilioProvider('tw', ['voice'], config({ voiceFrom: '+15005550007' }), http);

    const say =
      '<Say voice="alice" language="fr-FR">Votre code de vérification est 1, 2, 3, 4, 5, 6.</Say>';
    expect(Object.fromEntries(sut.callForm(message({ channel: 'voice' })))).toEqual({
      To: '+447400123456',
      From: '+15005550007',
      Twiml: `<Response>${say}<Pause length="1"/>${say}</Response>`,
    });
  });

  it('should escape XML in the TwiML voice attribute', () => {
    const sut = new TwilioProvider('tw', ['voice'], config({ voice: 'Polly.Léa"<x>' }), http);

    expect(sut.callForm(message({ channel: 'voice' })).get('Twiml')).toContain(
      'voice="Polly.Léa&quot;&lt;x&gt;"',
    );
  });
});

describe(twilioError.name, () => {
  const answer = (
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): VendorResponse => ({
    status,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    retryAfterMs: headers['retry-after'] ? Number(headers['retry-after']) * 1000 : undefined,
  });

  it.each([
    [400, 21211, ProviderErrorCode.InvalidRecipient],
    [400, 21614, ProviderErrorCode.InvalidRecipient],
    [400, 13224, ProviderErrorCode.InvalidRecipient],
    [400, 21610, ProviderErrorCode.OptedOut],
    [400, 21408, ProviderErrorCode.VendorConfig],
    [400, 21612, ProviderErrorCode.VendorConfig],
    [400, 21608, ProviderErrorCode.VendorConfig],
    [401, 20003, ProviderErrorCode.VendorConfig],
    [404, 20404, ProviderErrorCode.VendorConfig],
    [429, 20429, ProviderErrorCode.RateLimited],
    [400, 99999, ProviderErrorCode.VendorConfig],
    [503, 20503, ProviderErrorCode.Transient],
  ])('should classify HTTP %i code %i as %s', (status, code, expected) => {
    const error = twilioError(
      answer(status, { code, message: 'The To number +14155552671 is not valid', status }),
    );

    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe(expected);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: String(code),
      retryAfterMs: undefined,
    });
    expect(error.message).not.toContain('4155552671');
  });

  it('should keep Retry-After and classify by status when the body is not JSON', () => {
    const error = twilioError(answer(429, '<html>busy</html>', { 'retry-after': '7' }));

    expect(error.code).toBe(ProviderErrorCode.RateLimited);
    expect(error.details).toEqual({ httpStatus: 429, vendorCode: undefined, retryAfterMs: 7000 });
    expect(error.message).toBe('Twilio rate limit (HTTP 429)');
  });
});
