import { createHmac } from 'node:crypto';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { CallbackRequest } from '../provider-callbacks';
import { OtpMessage } from '../telephony-provider';
import { TelesignConfig } from './telesign.config';
import { TelesignProvider } from './telesign.provider';

const KEY = Buffer.from('telesign-api-key-for-unit-tests').toString('base64');
const config = (fields: Partial<TelesignConfig> = {}): TelesignConfig =>
  Object.assign(new TelesignConfig(), {
    type: 'telesign',
    customerId: 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890',
    apiKey: KEY,
    ...fields,
  });
const message = (fields: Partial<OtpMessage> = {}): OtpMessage => ({
  to: '+447400123456',
  channel: 'sms',
  code: '123456',
  text: 'Your code is 123456',
  locale: 'fr-FR',
  deliveryId: 'd-1',
  ...fields,
});
const CALLBACK = 'https://otp.example.com/callbacks/ts/status';

describe(TelesignProvider.name, () => {
  const sut = new TelesignProvider(
    'ts',
    ['sms', 'voice'],
    config(),
    {} as VendorHttpClient,
    CALLBACK,
  );

  it('should send an OTP message to the digits of the number, with our delivery id and callback URL', () => {
    expect(sut.smsForm(message())).toEqual({
      phone_number: '447400123456',
      message: 'Your code is 123456',
      message_type: 'OTP',
      external_id: 'd-1',
      callback_url: CALLBACK,
    });
  });

  it('should add the sender id when one is set, and no callback URL without a public URL', () => {
    const bare = new TelesignProvider(
      'ts',
      ['sms'],
      config({ senderId: 'Acme' }),
      {} as VendorHttpClient,
    );

    expect(bare.smsForm(message())).toEqual({
      phone_number: '447400123456',
      message: 'Your code is 123456',
      message_type: 'OTP',
      external_id: 'd-1',
      sender_id: 'Acme',
    });
  });

  it('should have the call read the code twice, a line apart, in a voice of the locale', () => {
    const sentence = 'Votre code de vérification est 1, 2, 3, 4, 5, 6.';

    expect(sut.voiceForm(message({ channel: 'voice' }))).toEqual({
      phone_number: '447400123456',
      message: `${sentence}\n${sentence}`,
      message_type: 'OTP',
      voice: 'f-fr-FR',
    });
  });

  it.each([
    ['EN-GB', 'f-en-GB'],
    ['fr-BE', 'f-fr-FR'],
    ['pt_PT', 'f-pt-PT'],
    ['de-DE', 'f-en-US'],
    [undefined, 'f-en-US'],
  ])('should speak locale %p with the voice %s', (locale, voice) => {
    expect(sut.voiceForm(message({ channel: 'voice', locale })).voice).toBe(voice);
  });

  describe('handleCallback', () => {
    const body = Buffer.from(JSON.stringify({ reference_id: 'R1', status: { code: 200 } }));
    const signed = (key: string): CallbackRequest => ({
      method: 'POST',
      url: CALLBACK,
      headers: {
        authorization: `TSA FFFFFFFF-EEEE-DDDD-1234-AB1234567890:${createHmac('sha256', Buffer.from(key, 'base64')).update(body).digest('base64')}`,
      },
      rawBody: body,
      params: {},
      json: JSON.parse(body.toString()) as unknown,
    });

    it('should turn a signed callback into a receipt', async () => {
      await expect(sut.handleCallback('status', signed(KEY))).resolves.toEqual({
        kind: 'receipts',
        receipts: [{ transactionId: 'R1', status: 'delivered', vendorStatus: '200' }],
      });
    });

    it('should reject a callback signed with another key, and have no other callback', async () => {
      await expect(
        sut.handleCallback('status', signed(Buffer.from('other').toString('base64'))),
      ).resolves.toEqual({
        kind: 'rejected',
      });
      await expect(sut.handleCallback('answer', signed(KEY))).resolves.toBeUndefined();
    });
  });
});
