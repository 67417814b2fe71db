import { plainToInstance } from 'class-transformer';
import { validateConfig } from '../../config/validate-config';
import { HookConfig } from '../../hook/hook.config';
import { DeliveryPolicy } from '../delivery.policy';
import { DeliveryRequest } from '../delivery.types';
import { withAutofillLines } from './autofill-lines';
import { toGsm7 } from './gsm7-transliteration';
import { MessageComposer } from './message-composer';
import { MessagesConfig } from './messages.config';
import { checkMessages } from './messages-rules';
import { fillTemplate, placeholderValues } from './placeholders';
import { localeMatches } from './template-match';

const NOW = Date.parse('2026-11-22T21:43:40.000Z');
const config = (plain: Record<string, unknown>) => plainToInstance(MessagesConfig, plain);
const request: DeliveryRequest = {
  channel: 'sms',
  phoneNumber: '+14155552671',
  code: '480213',
  text: 'Okta: 480213',
  locale: 'pt-BR',
  otpExpires: '2026-11-22T21:48:34.321Z',
  firstName: 'Ana',
};

describe(toGsm7.name, () => {
  it.each([
    ['curly quotes, dashes and an ellipsis', 'Code “480213” – ok…', 'en', 'Code "480213" - ok...'],
    ['Portuguese letters', 'Seu código é 480213', 'pt-BR', 'Seu codigo é 480213'],
    ['a French narrow no-break space', 'Code\u202F: 480213', 'fr', 'Code : 480213'],
    ['Vietnamese, whose marks carry meaning', 'Mã của bạn 480213', 'vi', undefined],
    ['letters without a locale', 'código 480213', undefined, undefined],
    ['Cyrillic', 'Код 480213', 'ru', undefined],
  ])('should handle %s', (_name, text, locale, expected) => {
    expect(toGsm7(text, locale)).toBe(expected);
  });
});

describe(localeMatches.name, () => {
  it.each([
    ['es', 'es-MX', true],
    ['es', 'ES', true],
    ['es-MX', 'es_mx', true],
    ['es-MX', 'es', false],
    ['es', 'est', false],
    ['*', undefined, true],
  ])('should match range %s against %s: %s', (range, locale, expected) => {
    expect(localeMatches(range, locale)).toBe(expected);
  });
});

describe(fillTemplate.name, () => {
  it('should fill each placeholder in one pass and never read a value as a template', () => {
    const values = placeholderValues({ ...request, firstName: '{code}\nX' }, 'sms', NOW);

    expect(fillTemplate('{firstName} {spacedCode} {expiresInMinutes}', values)).toBe(
      '{code} X 4 8 0 2 1 3 5',
    );
    expect(fillTemplate('{expiresInMinutes}', placeholderValues({ code: '1' }, 'sms'))).toBe(
      undefined,
    );
  });
});

describe(withAutofillLines.name, () => {
  it('should put the hash on its own line and the WebOTP line, with the embedded host, last', () => {
    const webOtp = { domain: 'example.com', embeddedDomain: 'ecommerce.example' };

    expect(
      withAutofillLines('Code 747723', '747723', { webOtp, androidAppHash: 'FA+9qCX9VSu' }),
    ).toBe('Code 747723\nFA+9qCX9VSu\n\n@example.com #747723 @ecommerce.example');
  });
});

describe(checkMessages.name, () => {
  it('should name the template index and key of each problem', () => {
    const problems = checkMessages(
      config({
        templates: [
          { sms: 'Code {otp}' },
          { sms: 'Hi {firstName}', match: { channels: ['voice'] } },
          { match: { locales: ['es'] }, sms: `Su código es {code}. ${'a'.repeat(60)}` },
          {},
        ],
      }),
    );

    expect(problems).toEqual([
      'messages.templates[0].sms: unknown placeholder {otp}; known: {code}, {spacedCode}, {expiresInMinutes}, {firstName}',
      'messages.templates[1].match.channels: lists voice but there is no voice text',
      'messages.templates[1].sms: must contain {code} or {spacedCode}, or the person never gets the code',
      'messages.templates[1].sms: {firstName} needs messages.allowPersonalData: true',
      'messages.templates[2].sms: 2 segments for es (UCS-2 because of "ó", with an 8-character code), over messages.maxSegments (1); messages.encoding: gsm7-when-possible would make it fit',
      'messages.templates[3]: needs an sms or a voice text',
    ]);
  });
});

describe(MessageComposer.name, () => {
  const hook = new HookConfig();
  const policy = new DeliveryPolicy(hook.deadlineMs, hook.answerMarginMs, hook.defaultSmsTemplate);
  const sut = (plain: Record<string, unknown>) => new MessageComposer(config(plain), policy);

  it("should send Okta's text as it is by default", () => {
    expect(sut({}).compose(request, '+14155552671', 'd1', NOW)).toEqual({
      message: {
        to: '+14155552671',
        channel: 'sms',
        code: '480213',
        text: 'Okta: 480213',
        locale: 'pt-BR',
        deliveryId: 'd1',
      },
    });
  });

  it('should skip a template whose personal data is not allowed, and use the next', () => {
    const templates = [
      { sms: 'Oi {firstName}, {code}' },
      { match: { locales: ['pt'] }, sms: 'Código {code}, {expiresInMinutes} min' },
    ];
    const composed = sut({ templates, encoding: 'gsm7-when-possible' }).compose(
      request,
      '+1',
      'd',
      NOW,
    );

    expect([composed.message.text, composed.beforeTransliteration]).toEqual([
      'Codigo 480213, 5 min',
      'Código 480213, 5 min',
    ]);
  });
});

describe('messages keys at boot', () => {
  it('should refuse a WebOTP domain that is not a host and an app hash that is not 11 characters', () => {
    const { problems } = validateConfig({
      messages: {
        webOtp: { domain: 'https://login.acme.com/' },
        androidAppHash: 'short',
        encoding: 'ascii',
      },
    });

    expect(problems.filter((p) => p.startsWith('messages.'))).toEqual([
      'messages.webOtp.domain: must be a lowercase host such as login.example.com (no scheme, port or path)',
      'messages.androidAppHash: must be the 11 characters of the app hash (A-Z, a-z, 0-9, + and /)',
      'messages.encoding: must be one of the following values: keep, gsm7-when-possible',
    ]);
  });
});
