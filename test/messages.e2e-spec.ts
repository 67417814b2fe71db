import { smsShape } from '../src/delivery/sms-segments';
import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { Scrape } from './support/prometheus';
import { closeAll } from './support/vendor-e2e';

const HASH = 'FA+9qCX9VSu';
const inFiveMinutes = () => new Date(Date.now() + 5 * 60_000).toISOString();
const withExpiry = (options: Parameters<typeof hookRequest>[0]) => {
  const body = hookRequest(options) as { data: { messageProfile: Record<string, unknown> } };
  body.data.messageProfile.otpExpires = inFiveMinutes();
  return body;
};

/** Templates, WebOTP, the app hash and GSM-7 transliteration, as Twilio receives them. */
describe('messages (e2e)', () => {
  let twilio: FakeTwilio;
  let gateway: Gateway;

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        providers: { 'twilio-a': twilioProvider(twilio, { timeoutMs: 1000 }) },
        routing: { default: ['twilio-a'] },
        messages: {
          webOtp: { domain: 'login.example.com' },
          androidAppHash: HASH,
          encoding: 'gsm7-when-possible',
          allowPersonalData: true,
          templates: [
            {
              match: { locales: ['es'], requestTypes: ['password-reset'] },
              sms: 'Hola {firstName}: tu código para restablecer la contraseña es {code}.',
            },
            {
              match: { locales: ['es', 'es-MX'] },
              sms: 'Acme: tu código es {code}. Caduca en {expiresInMinutes} minutos.',
              voice: 'Su código de Acme es {spacedCode}.',
            },
          ],
        },
      }),
    );
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
    twilio.server.requests.length = 0;
  });

  afterAll(() => closeAll(gateway, twilio));

  it('should send the locale template, transliterated to GSM-7, with the app hash and the WebOTP line last', async () => {
    await gateway.hook(withExpiry({ otpCode: '480213', locale: 'es-MX' })).expect(200);

    const body = twilio.form().Body as string;
    expect(body).toBe(
      `Acme: tu codigo es 480213. Caduca en 5 minutos.\n${HASH}\n\n@login.example.com #480213`,
    );
    expect(smsShape(body)).toEqual({ encoding: 'gsm7', segments: 1 });
  });

  it('should pick the first matching template, with the first name when the admin allowed it', async () => {
    await gateway
      .hook(withExpiry({ locale: 'ES', requestType: 'com.okta.user.telephony.password-reset' }))
      .expect(200);

    expect(twilio.form().Body).toBe(
      `Hola Test: tu codigo para restablecer la contraseña es 480213.\n${HASH}\n\n@login.example.com #480213`,
    );
  });

  it("should fall back to Okta's msgTemplate for another locale, with curly quotes made straight", async () => {
    const text = 'Your “Acme” code is 480213 – valid for 5 minutes…';
    await gateway.hook(hookRequest({ locale: 'en-US', msgTemplate: text })).expect(200);

    const body = twilio.form().Body as string;
    expect(body).toBe(
      `Your "Acme" code is 480213 - valid for 5 minutes...\n${HASH}\n\n@login.example.com #480213`,
    );
    expect(smsShape(body)).toEqual({ encoding: 'gsm7', segments: 1 });
    expect(smsShape(text)).toEqual({ encoding: 'ucs2', segments: 1 });
  });

  it('should say the voice template in the TwiML, the code digit by digit', async () => {
    await gateway
      .hook(withExpiry({ deliveryChannel: 'voice call', otpCode: '4821', locale: 'es-MX' }))
      .expect(200);

    const twiml = twilio.form().Twiml as string;
    const say = '<Say voice="alice" language="es-MX">Su código de Acme es 4, 8, 2, 1.</Say>';
    expect(twiml).toBe(`<Response>${say}<Pause length="1"/>${say}</Response>`);
  });

  it('should show the segments before and after transliteration in the metric', async () => {
    const scrape = new Scrape((await gateway.http().get('/metrics').expect(200)).text);
    const count = (encoding: string, text: string) =>
      scrape.value('otg_sms_segments_count', { encoding, text });

    expect([count('gsm7', 'sent'), count('ucs2', 'before-transliteration')]).toEqual([3, 3]);
    expect(scrape.value('otg_sms_segments_sum', { encoding: 'gsm7', text: 'sent' })).toBe(3);
  });
});
