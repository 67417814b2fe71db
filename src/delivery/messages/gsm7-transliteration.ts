import { GSM7_BASIC, GSM7_EXTENSION } from '../../providers/kit/sms/gsm7';

/**
 * Look-alikes inside GSM-7 for characters outside it. Targets are characters of the GSM 03.38
 * default alphabet and its extension table (3GPP TS 23.038 §6.2.1 and §6.2.1.1, as listed in
 * sms-segments.ts); a character that already is in GSM-7 (é, è, ñ, ü, ß, Ç, ¿, ¡...) is never
 * listed. The choices are ours: typographic punctuation becomes its ASCII form, and a letter
 * with a diacritic outside GSM-7 becomes its base letter (the letter Unicode decomposes it to).
 */
// prettier-ignore
const PUNCTUATION: Readonly<Record<string, string>> = {
  // quotes and apostrophes
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u0060': "'",
  '\u00B4': "'", '\u2039': "'", '\u203A': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"',
  '\u00BB': '"',
  // dashes and minus
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-',
  // ellipsis, bullet, middle dot
  '\u2026': '...', '\u2022': '-', '\u00B7': '.',
  // spaces: no-break (French puts narrow ones before : ; ! ?), thin, en, em, tab
  '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ', '\u2002': ' ', '\u2003': ' ', '\t': ' ',
  // invisible: zero-width space / joiners, byte-order mark, soft hyphen
  '\u200B': '', '\u200C': '', '\u200D': '', '\uFEFF': '', '\u00AD': '',
};

/** Base letter → its variants outside GSM-7 (à ä å è é ì ñ ò ö ø ù ü Ä Å Ç É Ñ Ö Ø Ü are in it). */
// prettier-ignore
const LETTER_GROUPS: Readonly<Record<string, string>> = {
  a: 'áâãąăā', A: 'ÀÁÂÃĄĂĀ', c: 'çćč', C: 'ĆČ', d: 'ďđ', D: 'ĎĐ',
  e: 'êëęěēė', E: 'ÈÊËĘĚĒĖ', g: 'ğ', G: 'Ğ', i: 'íîïıīį', I: 'ÌÍÎÏİĪĮ',
  l: 'łľĺ', L: 'ŁĽĹ', n: 'ńň', N: 'ŃŇ', o: 'óôõőō', O: 'ÒÓÔÕŐŌ', r: 'řŕ', R: 'ŘŔ',
  s: 'śšşș', S: 'ŚŠŞȘ', t: 'ťţț', T: 'ŤŢȚ', u: 'úûůűūų', U: 'ÙÚÛŮŰŪŲ',
  y: 'ýÿ', Y: 'ÝŸ', z: 'źżž', Z: 'ŹŻŽ', oe: 'œ', OE: 'Œ',
};
const LETTERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LETTER_GROUPS).flatMap(([base, variants]) => [...variants].map((v) => [v, base])),
);

/**
 * Latin-script languages whose SMS are commonly written without these diacritics, so a reader
 * still reads the word. Others keep their letters (Vietnamese, where the marks carry tone; any
 * language not listed, and a request without a locale): their text stays UCS-2 if it needs it.
 */
// prettier-ignore
const PLAIN_LETTER_LANGUAGES = new Set([
  'ca', 'cs', 'da', 'de', 'es', 'et', 'eu', 'fi', 'fr', 'gl', 'hr', 'hu', 'id', 'it', 'lt',
  'lv', 'ms', 'nb', 'nl', 'nn', 'no', 'pl', 'pt', 'ro', 'sk', 'sl', 'sq', 'sv', 'tr',
]);

const GSM7 = new Set([...GSM7_BASIC, ...GSM7_EXTENSION]);

/** The first character of `text` outside GSM-7, or undefined when it is all GSM-7. */
export function firstNonGsm7(text: string): string | undefined {
  for (const char of text) if (!GSM7.has(char)) return char;
  return undefined;
}

/**
 * `text` in GSM-7 by the table above, or undefined when some character has no look-alike (then
 * the text goes as it is: changing it would save nothing). Characters already in GSM-7 are
 * never touched, so neither is the code (Okta's codes are ASCII letters and digits).
 */
export function toGsm7(text: string, locale?: string): string | undefined {
  if (firstNonGsm7(text) === undefined) return text;
  const letters = PLAIN_LETTER_LANGUAGES.has(languageOf(locale));
  let out = '';
  for (const char of text) {
    if (GSM7.has(char)) {
      out += char;
      continue;
    }
    const alike = PUNCTUATION[char] ?? (letters ? LETTERS[char] : undefined);
    if (alike === undefined) return undefined;
    out += alike;
  }
  return out;
}

/** `pt-BR`, `PT_br`, `pt` → `pt`; no locale → ''. */
function languageOf(locale: string | undefined): string {
  return (locale ?? '').split(/[-_]/)[0].toLowerCase();
}
