import { ServerConfig } from '../../common/server.config';
import { checkTelnyxConfig, TelnyxConfig } from './telnyx.config';

const config = (fields: Partial<TelnyxConfig>): TelnyxConfig =>
  Object.assign(new TelnyxConfig(), { type: 'telnyx', apiKey: 'KEY', ...fields });
const server = (publicUrl?: string) => Object.assign(new ServerConfig(), { publicUrl });
const publicKey = Buffer.alloc(32, 7).toString('base64');

describe(checkTelnyxConfig.name, () => {
  it('should accept SMS from a number and TeXML voice with its account and application', () => {
    const sut = config({ from: '+18445550001', accountSid: 'a', texmlApplicationId: 't' });

    expect(checkTelnyxConfig(sut, ['sms', 'voice'], server())).toEqual([]);
  });

  it('should list what SMS and TeXML voice lack', () => {
    expect(checkTelnyxConfig(config({ from: 'Acme' }), ['sms', 'voice'], server())).toEqual([
      'voiceFrom: voice needs `voiceFrom`, or `from` as a +E.164 number',
      'accountSid: TeXML voice needs `accountSid`',
      'texmlApplicationId: TeXML voice needs `texmlApplicationId`',
    ]);
    expect(checkTelnyxConfig(config({}), ['sms'], server())).toEqual([
      'from: SMS needs `from` or `messagingProfileId`',
    ]);
  });

  it('should require the connection, the webhook key and a public URL for Call Control', () => {
    const sut = config({ voiceMode: 'call-control', voiceFrom: '+18445550001' });

    expect(checkTelnyxConfig(sut, ['voice'], server())).toEqual([
      'connectionId: Call Control voice needs `connectionId`',
      'publicKey: Call Control voice needs `publicKey`',
      'voiceMode: Call Control needs `server.publicUrl` for its call webhooks',
    ]);
    const complete = config({ ...sut, connectionId: 'c', publicKey });
    expect(checkTelnyxConfig(complete, ['voice'], server('https://otp.example.com'))).toEqual([]);
  });

  it('should refuse a public key that is not 32 bytes of base64', () => {
    expect(
      checkTelnyxConfig(config({ from: '+18445550001', publicKey: 'abc' }), ['sms'], server()),
    ).toEqual(['publicKey: must be the base64 Ed25519 public key of the Telnyx account']);
  });
});
