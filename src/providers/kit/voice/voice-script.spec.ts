import { composeVoiceScript, pickLanguage } from './voice-script';

const SUPPORTED = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'fr-CA', 'pt-BR', 'pt-PT'];

describe(pickLanguage.name, () => {
  it.each([
    ['EN-US', 'en-US'],
    ['en_GB', 'en-GB'],
    ['en', 'en-US'],
    ['fr-CA', 'fr-CA'],
    ['fr-BE', 'fr-FR'],
    ['pt', 'pt-BR'],
    ['de-AT', 'de-DE'],
    ['ja-JP', 'en-US'],
    [undefined, 'en-US'],
  ])('should pick %p → %s', (locale, expected) => {
    expect(pickLanguage(locale, SUPPORTED)).toBe(expected);
  });
});

describe(composeVoiceScript.name, () => {
  it('should separate every digit and say it twice by default', () => {
    expect(composeVoiceScript('0042', 'de-DE')).toEqual({
      language: 'de-DE',
      sentence: 'Ihr Bestätigungscode lautet 0, 0, 4, 2.',
      repeat: 2,
    });
  });

  it('should fall back to English when there is no phrase for the language', () => {
    expect(composeVoiceScript('12', 'tr-TR', 3)).toEqual({
      language: 'en-US',
      sentence: 'Your verification code is 1, 2.',
      repeat: 3,
    });
  });
});
