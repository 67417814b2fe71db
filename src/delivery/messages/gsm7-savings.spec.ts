import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { smsShape } from '../sms-segments';
import { toGsm7 } from './gsm7-transliteration';

/** Our sample OTP texts for Okta's common locales (bench/localized-otp-texts.json). */
const TEXTS = JSON.parse(
  readFileSync(join(__dirname, '../../../bench/localized-otp-texts.json'), 'utf8'),
) as Record<string, string>;

/** `locale: before → after` in segments; the table in docs/messages.md. */
function savings(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(TEXTS).map(([locale, text]) => {
      const before = smsShape(text);
      const after = smsShape(toGsm7(text, locale) ?? text);
      return [
        locale,
        `${before.encoding} ${before.segments} → ${after.encoding} ${after.segments}`,
      ];
    }),
  );
}

describe('GSM-7 transliteration on localized OTP texts', () => {
  it('should print and keep the segment saving of each sample locale', () => {
    const table = savings();
    process.stdout.write(
      `${Object.entries(table)
        .map(([l, s]) => `${l.padEnd(6)} ${s}`)
        .join('\n')}\n`,
    );

    expect(table).toEqual({
      es: 'ucs2 2 → gsm7 1',
      fr: 'gsm7 1 → gsm7 1',
      de: 'gsm7 1 → gsm7 1',
      'pt-BR': 'ucs2 2 → gsm7 1',
      it: 'gsm7 1 → gsm7 1',
      pl: 'ucs2 2 → gsm7 1',
      tr: 'ucs2 2 → gsm7 1',
      nl: 'gsm7 1 → gsm7 1',
      sv: 'gsm7 1 → gsm7 1',
      cs: 'ucs2 2 → gsm7 1',
      hu: 'ucs2 1 → gsm7 1',
      ro: 'ucs2 2 → gsm7 1',
      en: 'ucs2 1 → gsm7 1',
      ru: 'ucs2 2 → ucs2 2',
      ja: 'ucs2 1 → ucs2 1',
    });
  });
});
