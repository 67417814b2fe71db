import { ServerConfig } from '../../common/server.config';
import { VendorHttpClient, VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { OtpMessage } from '../telephony-provider';
import { TwilioConfig } from './twilio.config';
import { twilioError } from './twilio.errors';
import { twilioVendor } from './twilio.provider';
import { TwilioVerifyProvider } from './twilio.verify.provider';

const config = (fields: Partial<TwilioConfig> = {}): TwilioConfig =>
  Object.assign(new TwilioConfig(), {
    type: 'twilio',
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'token',
    mode: 'verify',
    verifyServiceSid: 'VA0123456789abcdef0123456789abcdef',
    ...fields,
  });
const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+447400123456',
  channel: 'sms',
  code: '480213',
  text: 'Your code is 480213',
  locale: 'EN-US',
  deliveryId: 'd-1',
  ...fields,
});

describe(TwilioVerifyProvider.name, () => {
  const sut = new TwilioVerifyProvider('tv', ['sms', 'voice'], config(), {} as VendorHttpClient);

  it("should hand Verify Okta's code for an SMS, in Verify's locale for the request's language", () => {
    expect(sut.verificationForm(message())).toEqual({
      To: '+447400123456',
      Channel: 'sms',
      CustomCode: '480213',
      Locale: 'en',
    });
  });

  it.each([
    ['en-GB', 'en-GB'],
    ['pt_BR', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['fr-CA', 'fr'],
    ['zh-HK', 'zh-HK'],
  ])('should send locale %s as %s', (locale, expected) => {
    expect(sut.verificationForm(message({ locale })).Locale).toBe(expected);
  });

  it('should ask for a call, and leave the language to Verify when it has none for the locale', () => {
    expect(sut.verificationForm(message({ channel: 'voice', locale: 'xx-YY' }))).toEqual({
      To: '+447400123456',
      Channel: 'call',
      CustomCode: '480213',
    });
    expect(sut.verificationForm(message({ locale: undefined })).Locale).toBeUndefined();
  });
});

describe('twilioVendor in verify mode', () => {
  const check = twilioVendor.check!;

  it('should need a Verify Service, and neither a sender nor a caller id', () => {
    expect(check(config(), ['sms', 'voice'], new ServerConfig())).toEqual([]);
    expect(check(config({ verifyServiceSid: undefined }), ['sms'], new ServerConfig())).toEqual([
      'verifyServiceSid: `mode: verify` needs `verifyServiceSid`',
    ]);
  });
});

describe(`${twilioError.name} for Verify`, () => {
  const answer = (status: number, code: number): VendorResponse => ({
    status,
    headers: {},
    body: JSON.stringify({ code, message: 'Invalid parameter `To`: +447400123456', status }),
  });

  it.each([
    [
      403,
      60410,
      ProviderErrorCode.InvalidRecipient,
      'Twilio Verify blocked this number (Fraud Guard) (HTTP 403, code 60410)',
    ],
    [
      429,
      60203,
      ProviderErrorCode.InvalidRecipient,
      'Twilio Verify refused more codes for this number (max send attempts) (HTTP 429, code 60203)',
    ],
    [
      400,
      60205,
      ProviderErrorCode.InvalidRecipient,
      'Twilio rejected the recipient (HTTP 400, code 60205)',
    ],
    [
      400,
      60200,
      ProviderErrorCode.VendorConfig,
      'Twilio refused this account or sender (HTTP 400, code 60200)',
    ],
    [
      403,
      60605,
      ProviderErrorCode.VendorConfig,
      'Twilio refused this account or sender (HTTP 403, code 60605)',
    ],
    [429, 20429, ProviderErrorCode.RateLimited, 'Twilio rate limit (HTTP 429, code 20429)'],
  ])('should classify HTTP %i code %i as %s', (status, code, expected, text) => {
    const error = twilioError(answer(status, code));

    expect([error.code, error.message, error.failover]).toEqual([
      expected,
      text,
      expected !== ProviderErrorCode.InvalidRecipient,
    ]);
  });
});
