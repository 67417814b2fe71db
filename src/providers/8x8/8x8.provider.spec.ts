import { ServerConfig } from '../../common/server.config';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { CallbackRequest } from '../provider-callbacks';
import { OtpMessage } from '../telephony-provider';
import { EightByEightConfig } from './8x8.config';
import { EightByEightProvider, eightByEightVendor } from './8x8.provider';

const AUTHORIZATION = 'Bearer 8x8-webhook-secret-0123456789';
const config = (fields: Partial<EightByEightConfig> = {}): EightByEightConfig =>
  Object.assign(new EightByEightConfig(), {
    type: '8x8',
    apiKey: 'key',
    subAccountId: 'acme_sms',
    voiceFrom: '+6512341234',
    ...fields,
  });
const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+6590000000',
  channel: 'sms',
  code: '1234',
  text: 'Your code is 1234',
  locale: 'fr-FR',
  deliveryId: 'd-1',
  ...fields,
});
const clients = { sms: {} as VendorHttpClient, voice: {} as VendorHttpClient };

describe(EightByEightProvider.name, () => {
  it('should send the SMS to the E.164 number with our delivery id, from the source when set', () => {
    const sut = new EightByEightProvider('x', ['sms'], config({ source: 'Acme' }), clients);

    expect(sut.smsBody(message())).toEqual({
      destination: '+6590000000',
      text: 'Your code is 1234',
      clientMessageId: 'd-1',
      encoding: 'AUTO',
      source: 'Acme',
    });
  });

  it('should call, say the code twice with the profile of the locale language, and hang up', () => {
    const profiles = { 'en-US': 'en-US-Jenny', 'fr-FR': 'fr-FR-Denise' };
    const sut = new EightByEightProvider(
      'x',
      ['voice'],
      config({ voiceProfiles: profiles }),
      clients,
    );

    expect(sut.callflow(message({ channel: 'voice' }))).toEqual({
      callflow: [
        { action: 'makeCall', params: { source: '+6512341234', destination: '+6590000000' } },
        {
          action: 'say',
          params: {
            text: 'Votre code de vérification est 1, 2, 3, 4.',
            voiceProfile: 'fr-FR-Denise',
            repetition: 2,
            speed: 1,
          },
        },
        { action: 'hangup' },
      ],
    });
  });

  it('should speak English with the first profile when the locale has none', () => {
    const sut = new EightByEightProvider('x', ['voice'], config(), clients);

    expect(sut.callflow(message({ channel: 'voice', locale: 'fr-FR' })).callflow[1].params).toEqual(
      {
        text: 'Your verification code is 1, 2, 3, 4.',
        voiceProfile: 'en-US-Jenny',
        repetition: 2,
        speed: 1,
      },
    );
  });

  describe('handleCallback', () => {
    const body = {
      namespace: 'SMS',
      eventType: 'outbound_message_status_changed',
      payload: { umid: 'u-1', status: { state: 'delivered', timestamp: '2026-11-22T12:35:01Z' } },
    };
    const request = (authorization?: string): CallbackRequest => ({
      method: 'POST',
      url: 'https://otp.example.com/callbacks/x/status',
      headers: authorization ? { authorization } : {},
      rawBody: Buffer.from(JSON.stringify(body)),
      params: {},
      json: body,
    });

    it('should read a receipt that carries the configured Authorization value', async () => {
      const sut = new EightByEightProvider(
        'x',
        ['sms'],
        config({ callbackAuthorization: AUTHORIZATION }),
        clients,
      );

      await expect(sut.handleCallback('status', request(AUTHORIZATION))).resolves.toEqual({
        kind: 'receipts',
        receipts: [
          {
            transactionId: 'u-1',
            status: 'delivered',
            vendorStatus: 'delivered',
            occurredAt: '2026-11-22T12:35:01.000Z',
          },
        ],
      });
    });

    it.each([
      ['another value', 'Bearer guess', AUTHORIZATION],
      ['no header', undefined, AUTHORIZATION],
      ['no configured value', AUTHORIZATION, undefined],
    ])('should refuse a receipt with %s', async (_name, presented, configured) => {
      const sut = new EightByEightProvider(
        'x',
        ['sms'],
        config({ callbackAuthorization: configured }),
        clients,
      );

      await expect(sut.handleCallback('status', request(presented))).resolves.toEqual({
        kind: 'rejected',
      });
    });
  });
});

describe('eightByEightVendor.check', () => {
  const check = eightByEightVendor.check!;
  const server = Object.assign(new ServerConfig(), { publicUrl: 'https://otp.example.com' });

  it('should accept SMS and voice with a caller id', () => {
    expect(check(config(), ['sms', 'voice'], server)).toEqual([]);
  });

  it('should name voice without a caller id, profiles that are not a language map, and receipts without a public URL', () => {
    const bad = config({
      voiceFrom: undefined,
      voiceProfiles: { english: '' },
      callbackAuthorization: AUTHORIZATION,
    });

    expect(check(bad, ['voice'], new ServerConfig())).toEqual([
      'voiceFrom: voice needs `voiceFrom`, a number registered on the account',
      'voiceProfiles: must map language tags (`en-US`) to 8x8 speech profile names',
      'callbackAuthorization: delivery receipts need server.publicUrl, the address vendors call back',
    ]);
  });
});
