import { ServerConfig } from '../../common/server.config';
import { checkPlivoConfig, PlivoConfig } from './plivo.config';

const config = (fields: Partial<PlivoConfig>): PlivoConfig =>
  Object.assign(new PlivoConfig(), { type: 'plivo', authId: 'MAX', authToken: 't', ...fields });
const server = (publicUrl?: string) => Object.assign(new ServerConfig(), { publicUrl });

describe(checkPlivoConfig.name, () => {
  it('should accept SMS from src and voice with a public URL', () => {
    expect(
      checkPlivoConfig(
        config({ src: '+14155550000' }),
        ['sms', 'voice'],
        server('https://otp.example.com'),
      ),
    ).toEqual([]);
  });

  it('should report voice without a public URL or caller number, and SMS without a sender', () => {
    expect(checkPlivoConfig(config({}), ['sms', 'voice'], server())).toEqual([
      'src: SMS needs `src` or `powerpackUuid`',
      'voiceFrom: voice needs `voiceFrom`, or `src` as a phone number',
      'channels: Plivo voice needs `server.publicUrl` (Plivo fetches the call script)',
    ]);
  });

  it('should refuse src and powerpackUuid together', () => {
    expect(
      checkPlivoConfig(config({ src: 'Acme', powerpackUuid: 'pp' }), ['sms'], server()),
    ).toEqual(['src: use `src` or `powerpackUuid`, not both']);
  });
});
