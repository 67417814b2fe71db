import { VoiceId } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { plainToInstance } from 'class-transformer';
import { awsClientSettings } from '../kit/aws/aws-client';
import { OtpMessage } from '../telephony-provider';
import { AwsSmsVoiceConfig } from './aws-sms-voice.config';
import { AwsSmsVoiceProvider, awsSmsVoiceVendor } from './aws-sms-voice.provider';
import { POLLY_LANGUAGES, POLLY_VOICES, voiceFor } from './aws-sms-voice.types';

const config = (fields: Record<string, unknown> = {}): AwsSmsVoiceConfig =>
  plainToInstance(
    AwsSmsVoiceConfig,
    {
      type: 'aws-sms-voice',
      region: 'us-east-1',
      originationIdentity: 'pool-0123456789',
      ...fields,
    },
    { exposeDefaultValues: true },
  );

const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+14155552671',
  channel: 'sms',
  code: '4821',
  text: 'Your code is 4821',
  deliveryId: 'd-1',
  ...fields,
});

describe(AwsSmsVoiceProvider.name, () => {
  const opened: AwsSmsVoiceProvider[] = [];
  const sut = (fields?: Record<string, unknown>) => {
    const settings = config(fields);
    const built = new AwsSmsVoiceProvider(
      'eum',
      ['sms', 'voice'],
      settings,
      awsClientSettings(settings),
    );
    opened.push(built);
    return built;
  };

  afterAll(() => Promise.all(opened.map((p) => p.close())));

  it('should send a transactional SMS with our delivery id as context', () => {
    expect(
      sut({ configurationSetName: 'otp-events', maxPrice: 0.05 }).textInput(message()),
    ).toEqual({
      DestinationPhoneNumber: '+14155552671',
      OriginationIdentity: 'pool-0123456789',
      MessageBody: 'Your code is 4821',
      MessageType: 'TRANSACTIONAL',
      ConfigurationSetName: 'otp-events',
      MaxPrice: '0.05',
      Context: { deliveryId: 'd-1' },
    });
  });

  it('should read the code digit by digit, twice, as plain text in the voice of the locale', () => {
    const input = sut({ voiceOriginationIdentity: '+15005550006' }).voiceInput(
      message({ channel: 'voice', locale: 'de-DE' }),
    );

    expect(input).toEqual({
      DestinationPhoneNumber: '+14155552671',
      OriginationIdentity: '+15005550006',
      MessageBody:
        'Ihr Bestätigungscode lautet 4, 8, 2, 1. Ihr Bestätigungscode lautet 4, 8, 2, 1.',
      MessageBodyTextType: 'TEXT',
      VoiceId: 'MARLENE',
      ConfigurationSetName: undefined,
      Context: { deliveryId: 'd-1' },
    });
  });

  it.each([
    ['EN-US', 'MATTHEW', 'Your verification code is'],
    ['en_GB', 'AMY', 'Your verification code is'],
    ['fr-CA', 'CHANTAL', 'Votre code de vérification est'],
    ['pt', 'CAMILA', 'O seu código de verificação é'],
    ['zh-TW', 'ZHIYU', '您的验证码是'],
    ['fi-FI', 'MATTHEW', 'Your verification code is'],
    ['ro-RO', 'MATTHEW', 'Your verification code is'],
    [undefined, 'MATTHEW', 'Your verification code is'],
  ])('should speak locale %s with %s', (locale, voice, intro) => {
    const input = sut().voiceInput(message({ channel: 'voice', locale, code: '12' }));

    expect(input.VoiceId).toBe(voice);
    expect(input.MessageBody).toBe(`${intro} 1, 2. ${intro} 1, 2.`);
    expect(input.OriginationIdentity).toBe('pool-0123456789');
  });
});

describe('POLLY_VOICES', () => {
  it('should give a language to exactly the VoiceId values the SDK model allows', () => {
    expect(Object.keys(POLLY_VOICES).sort()).toEqual(Object.values(VoiceId).sort());
  });

  it('should list American English first and pick the first voice of a language', () => {
    expect(POLLY_LANGUAGES[0]).toBe('en-US');
    expect(voiceFor('ja-JP')).toBe('MIZUKI');
    expect(voiceFor('xx-XX')).toBe('MATTHEW');
  });
});

describe('awsSmsVoiceVendor.check', () => {
  const check = (fields: Record<string, unknown>, channels: ('sms' | 'voice')[]) =>
    awsSmsVoiceVendor.check?.(config(fields), channels, {} as never);

  it('should require a voice origination for the voice channel only', () => {
    expect(check({ originationIdentity: undefined }, ['sms'])).toEqual([]);
    expect(check({ originationIdentity: undefined }, ['sms', 'voice'])).toEqual([
      'voiceOriginationIdentity: voice needs `voiceOriginationIdentity` or `originationIdentity` (a voice-capable number or pool)',
    ]);
    expect(
      check({ originationIdentity: undefined, voiceOriginationIdentity: 'pool-1' }, ['voice']),
    ).toEqual([]);
  });

  it('should refuse a session token without a key pair', () => {
    expect(check({ sessionToken: 'token' }, ['sms'])).toEqual([
      'sessionToken: needs `accessKeyId` and `secretAccessKey`',
    ]);
  });
});
