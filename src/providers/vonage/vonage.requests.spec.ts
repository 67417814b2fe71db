import { OtpMessage } from '../telephony-provider';
import { VonageConfig } from './vonage.config';
import { vonageCallBody, vonageMessageBody, vonageSmsForm } from './vonage.requests';

const config = (fields: Partial<VonageConfig> = {}): VonageConfig =>
  Object.assign(new VonageConfig(), {
    type: 'vonage',
    apiKey: 'abcd1234',
    apiSecret: 'secret-0123',
    from: '+14155550199',
    ...fields,
  });

const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+447700900000',
  channel: 'sms',
  code: '123456',
  text: 'Your code is 123456 & more',
  locale: 'fr-FR',
  deliveryId: 'd2c1e0f4-4a59-4d56-9a49-6b6f3d7b2a10',
  ...fields,
});

describe(vonageSmsForm.name, () => {
  it('should build the SMS API form with credentials, numbers without + and our client-ref', () => {
    const form = vonageSmsForm(message(), config());

    expect(form.toString()).toBe(
      'api_key=abcd1234&api_secret=secret-0123&from=14155550199&to=447700900000' +
        '&text=Your+code+is+123456+%26+more&client-ref=d2c1e0f4-4a59-4d56-9a49-6b6f3d7b2a10',
    );
  });

  it('should keep an alphanumeric sender, mark Unicode text and add the receipt callback', () => {
    const form = vonageSmsForm(
      message({ text: 'Código 123456' }),
      config({ from: 'Acme' }),
      'https://otp.example.com/callbacks/vg/status',
    );

    expect(Object.fromEntries(form)).toEqual({
      api_key: 'abcd1234',
      api_secret: 'secret-0123',
      from: 'Acme',
      to: '447700900000',
      text: 'Código 123456',
      type: 'unicode',
      'client-ref': 'd2c1e0f4-4a59-4d56-9a49-6b6f3d7b2a10',
      callback: 'https://otp.example.com/callbacks/vg/status',
    });
  });
});

describe(vonageMessageBody.name, () => {
  it('should build a Messages API text message on the SMS channel', () => {
    expect(vonageMessageBody(message(), config())).toEqual({
      message_type: 'text',
      channel: 'sms',
      to: '447700900000',
      from: '14155550199',
      text: 'Your code is 123456 & more',
      client_ref: 'd2c1e0f4-4a59-4d56-9a49-6b6f3d7b2a10',
    });
  });

  it('should ask for v1 status webhooks at our URL when receipts can be verified', () => {
    const body = vonageMessageBody(
      message(),
      config(),
      'https://otp.example.com/callbacks/vg/status',
    );

    expect(body).toMatchObject({
      webhook_url: 'https://otp.example.com/callbacks/vg/status',
      webhook_version: 'v1',
    });
  });
});

describe(vonageCallBody.name, () => {
  it('should call with an NCCO talk action that reads the code twice in the locale language', () => {
    const body = vonageCallBody(
      message({ channel: 'voice', code: '4821' }),
      config({ voiceFrom: '+14155550100' }),
      'https://otp.example.com/callbacks/vg/status',
    );

    expect(body).toEqual({
      to: [{ type: 'phone', number: '447700900000' }],
      from: { type: 'phone', number: '14155550100' },
      ncco: [
        {
          action: 'talk',
          text: 'Votre code de vérification est 4, 8, 2, 1.',
          language: 'fr-FR',
          loop: 2,
          bargeIn: false,
        },
      ],
      event_url: ['https://otp.example.com/callbacks/vg/status'],
      event_method: 'POST',
    });
  });

  it('should speak English from `from` when Vonage has no voice for the locale', () => {
    const body = vonageCallBody(
      message({ channel: 'voice', code: '12', locale: 'xx-YY' }),
      config(),
    );

    expect(body.from.number).toBe('14155550199');
    expect(body.ncco[0]).toMatchObject({
      text: 'Your verification code is 1, 2.',
      language: 'en-US',
    });
    expect(body.event_url).toBeUndefined();
  });
});
