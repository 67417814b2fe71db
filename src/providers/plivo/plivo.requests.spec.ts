import { OtpMessage } from '../telephony-provider';
import { PlivoConfig } from './plivo.config';
import { plivoCallBody, plivoMessageBody, plivoScript, renderPlivoXml } from './plivo.requests';

const config = (fields: Partial<PlivoConfig> = {}): PlivoConfig =>
  Object.assign(new PlivoConfig(), {
    type: 'plivo',
    authId: 'MAXXXXXXXXXXXXXXXXXX',
    authToken: 'token',
    src: '+14155550000',
    ...fields,
  });

const message: OtpMessage = {
  to: '+14155552671',
  channel: 'sms',
  code: '123456',
  text: 'Your code is 123456',
  deliveryId: 'd-1',
};

describe(plivoMessageBody.name, () => {
  it('should send from src with the status URL', () => {
    expect(
      plivoMessageBody(message, config(), 'https://otp.example.com/callbacks/p/status'),
    ).toEqual({
      src: '+14155550000',
      dst: '+14155552671',
      text: 'Your code is 123456',
      type: 'sms',
      url: 'https://otp.example.com/callbacks/p/status',
      method: 'POST',
    });
  });

  it('should send through a powerpack instead of src', () => {
    expect(plivoMessageBody(message, config({ src: undefined, powerpackUuid: 'pp-1' }))).toEqual({
      powerpack_uuid: 'pp-1',
      dst: '+14155552671',
      text: 'Your code is 123456',
      type: 'sms',
    });
  });
});

describe(plivoCallBody.name, () => {
  it('should call without + and point Plivo at our answer and hangup URLs', () => {
    expect(
      plivoCallBody(message, config({ voiceFrom: '+14155550001' }), 'https://a?s=t', 'https://s'),
    ).toEqual({
      from: '14155550001',
      to: '14155552671',
      answer_url: 'https://a?s=t',
      answer_method: 'POST',
      hangup_url: 'https://s',
      hangup_method: 'POST',
    });
  });
});

describe(renderPlivoXml.name, () => {
  it('should speak the script twice with a one-second wait between', () => {
    const xml = renderPlivoXml(
      { language: 'es-US', sentence: 'Su código de verificación es 1, 2.', repeat: 2 },
      'MAN',
    );

    const speak = '<Speak voice="MAN" language="es-US">Su código de verificación es 1, 2.</Speak>';
    expect(xml).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Response>${speak}<Wait length="1"/>${speak}</Response>`,
    );
  });
});

describe(plivoScript.name, () => {
  it('should pick a region the configured voice speaks, and English where it speaks none', () => {
    const call = (locale: string): OtpMessage => ({
      ...message,
      channel: 'voice',
      code: '12',
      locale,
    });

    expect(plivoScript(call('pt-PT'), 'MAN').language).toBe('pt-PT');
    expect(plivoScript(call('pt-PT'), 'WOMAN').language).toBe('pt-BR');
    expect(plivoScript(call('sv-SE'), 'MAN')).toEqual({
      language: 'en-US',
      sentence: 'Your verification code is 1, 2.',
      repeat: 2,
    });
  });
});
