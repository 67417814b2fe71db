import { GSM7_BASIC, GSM7_EXTENSION } from '../providers/kit/sms/gsm7';
import { smsShape } from './sms-segments';

describe(smsShape.name, () => {
  it('should hold the 127 printable characters of the GSM 03.38 default alphabet and its 10 extensions', () => {
    expect(new Set(GSM7_BASIC).size).toBe(127);
    expect(new Set(GSM7_EXTENSION).size).toBe(10);
  });

  it.each([
    ['a plain code', 'Your verification code is 480213', 'gsm7', 1],
    ['160 GSM characters', 'a'.repeat(160), 'gsm7', 1],
    ['161 GSM characters', 'a'.repeat(161), 'gsm7', 2],
    ['306 GSM characters (two full parts of 153)', 'a'.repeat(306), 'gsm7', 2],
    ['307 GSM characters', 'a'.repeat(307), 'gsm7', 3],
    ['the accents of the default alphabet', 'Code à ñ Ä ß Ø é: 480213', 'gsm7', 1],
    ['an accent outside it (ó)', 'Código: 480213', 'ucs2', 1],
    ['80 extension characters (160 septets)', '€'.repeat(80), 'gsm7', 1],
    ['81 extension characters (162 septets)', '€'.repeat(81), 'gsm7', 2],
    ['a character outside GSM-7', 'Ваш код 480213', 'ucs2', 1],
    ['70 UCS-2 characters', 'ж'.repeat(70), 'ucs2', 1],
    ['71 UCS-2 characters', 'ж'.repeat(71), 'ucs2', 2],
    ['134 UCS-2 characters (two full parts of 67)', 'ж'.repeat(134), 'ucs2', 2],
    ['an emoji (a surrogate pair)', 'Code 480213 🔐', 'ucs2', 1],
  ])('should read %s', (_name, text, encoding, segments) => {
    expect(smsShape(text)).toEqual({ encoding, segments });
  });

  it('should never split an escaped character or a surrogate pair across two parts', () => {
    // 152 septets then "€" (2): the escape would end part one and the € start part two.
    expect(smsShape(`${'a'.repeat(152)}€${'a'.repeat(10)}`)).toEqual({
      encoding: 'gsm7',
      segments: 2,
    });
    expect(smsShape(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({
      encoding: 'gsm7',
      segments: 3,
    });
    expect(smsShape(`${'ж'.repeat(66)}🔐${'ж'.repeat(67)}`)).toEqual({
      encoding: 'ucs2',
      segments: 3,
    });
  });
});
