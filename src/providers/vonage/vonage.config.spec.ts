import { generateKeyPairSync } from 'node:crypto';
import { checkVonageConfig, VonageConfig } from './vonage.config';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

const config = (fields: Partial<VonageConfig>): VonageConfig =>
  Object.assign(new VonageConfig(), { type: 'vonage', ...fields });

describe(checkVonageConfig.name, () => {
  it('should accept an SMS API account and a voice application', () => {
    const sut = config({
      apiKey: 'abcd1234',
      apiSecret: 's',
      from: '+14155550199',
      applicationId: 'app',
      privateKey: pem,
    });

    expect(checkVonageConfig(sut, ['sms', 'voice'])).toEqual([]);
  });

  it('should list every missing cross-field setting', () => {
    expect(
      checkVonageConfig(config({ from: 'Acme', apiKey: 'abcd1234' }), ['sms', 'voice']),
    ).toEqual([
      'apiKey: `apiKey` and `apiSecret` go together',
      'apiKey: the SMS API needs `apiKey` and `apiSecret`',
      'applicationId: voice needs `applicationId` and `privateKey`',
      'voiceFrom: voice needs `voiceFrom`, or `from` as a phone number',
    ]);
  });

  it('should refuse a private key that is not PEM and an application without its key', () => {
    const sut = config({ applicationId: 'app', voiceFrom: '14155550100' });

    expect(checkVonageConfig(sut, ['voice'])).toEqual([
      'applicationId: `applicationId` and `privateKey` go together',
      'applicationId: voice needs `applicationId` and `privateKey`',
    ]);
    expect(checkVonageConfig(config({ ...sut, privateKey: 'x' }), ['voice'])).toEqual([
      'privateKey: must be a PEM private key',
    ]);
  });

  it('should let the Messages API use an application instead of key and secret', () => {
    const sut = config({ smsApi: 'messages', from: 'Acme', applicationId: 'app', privateKey: pem });

    expect(checkVonageConfig(sut, ['sms'])).toEqual([]);
    expect(checkVonageConfig(config({ smsApi: 'messages', from: 'Acme' }), ['sms'])).toEqual([
      'apiKey: the Messages API needs `apiKey` and `apiSecret`, or an application',
    ]);
  });
});
