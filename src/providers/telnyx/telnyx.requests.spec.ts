import { OtpMessage } from '../telephony-provider';
import { TelnyxConfig } from './telnyx.config';
import {
  telnyxDialBody,
  telnyxMessageBody,
  telnyxSpeakBody,
  telnyxTexmlBody,
} from './telnyx.requests';

const config = (fields: Partial<TelnyxConfig> = {}): TelnyxConfig =>
  Object.assign(new TelnyxConfig(), {
    type: 'telnyx',
    apiKey: 'KEY0123',
    from: '+18445550001',
    accountSid: 'acct-1',
    texmlApplicationId: 'texml-app-1',
    connectionId: 'cc-app-1',
    ...fields,
  });

const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+18665550001',
  channel: 'sms',
  code: '4821',
  text: 'Your code is 4821',
  locale: 'de-DE',
  deliveryId: 'd-1',
  ...fields,
});

const script = {
  language: 'de-DE',
  sentence: 'Ihr Bestätigungscode lautet 4, 8, 2, 1.',
  repeat: 2,
};

describe(telnyxMessageBody.name, () => {
  it('should send from the number with the receipt webhook', () => {
    expect(
      telnyxMessageBody(message(), config(), 'https://otp.example.com/callbacks/tx/status'),
    ).toEqual({
      to: '+18665550001',
      text: 'Your code is 4821',
      from: '+18445550001',
      webhook_url: 'https://otp.example.com/callbacks/tx/status',
    });
  });

  it('should send through a messaging profile, with an alphanumeric sender when given', () => {
    expect(
      telnyxMessageBody(message(), config({ from: undefined, messagingProfileId: 'mp-1' })),
    ).toEqual({
      to: '+18665550001',
      text: 'Your code is 4821',
      messaging_profile_id: 'mp-1',
    });
    expect(
      telnyxMessageBody(message(), config({ from: 'Acme', messagingProfileId: 'mp-1' })),
    ).toEqual({
      to: '+18665550001',
      text: 'Your code is 4821',
      from: 'Acme',
      messaging_profile_id: 'mp-1',
    });
  });
});

describe(telnyxTexmlBody.name, () => {
  it('should build a TeXML call that says the script twice with the alice voice', () => {
    const say = '<Say voice="alice" language="de-DE">Ihr Bestätigungscode lautet 4, 8, 2, 1.</Say>';

    expect(
      telnyxTexmlBody(message({ channel: 'voice' }), config(), script, 'https://cb?ref=d-1'),
    ).toEqual({
      To: '+18665550001',
      From: '+18445550001',
      ApplicationSid: 'texml-app-1',
      Texml: `<?xml version="1.0" encoding="UTF-8"?><Response>${say}<Pause length="1"/>${say}</Response>`,
      StatusCallback: 'https://cb?ref=d-1',
    });
  });
});

describe(telnyxDialBody.name, () => {
  it('should dial with the sealed script base64-encoded in client_state', () => {
    const body = telnyxDialBody(
      message({ channel: 'voice' }),
      config({ voiceFrom: '+18445550002' }),
      'sealed_token-1',
      'https://cb',
    );

    expect(body).toEqual({
      connection_id: 'cc-app-1',
      to: '+18665550001',
      from: '+18445550002',
      webhook_url: 'https://cb',
      client_state: Buffer.from('sealed_token-1').toString('base64'),
      command_id: 'd-1',
      time_limit_secs: 120,
    });
  });
});

describe(telnyxSpeakBody.name, () => {
  it('should speak the script as text, looped, once per call', () => {
    expect(telnyxSpeakBody(script, 'female')).toEqual({
      payload: 'Ihr Bestätigungscode lautet 4, 8, 2, 1.',
      payload_type: 'text',
      voice: 'female',
      language: 'de-DE',
      loop: 2,
      command_id: 'otg-speak',
    });
  });
});
