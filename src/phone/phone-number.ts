import {
  CountryCode,
  NumberType,
  parsePhoneNumberFromString,
  PhoneNumber,
} from 'libphonenumber-js/max';

/** What the gateway knows about a destination number. */
export interface PhoneNumberInfo {
  /** E.164 with the leading `+`. */
  readonly e164: string;
  /** ISO 3166 alpha-2 country, when the number belongs to one. */
  readonly country?: string;
  /** Country calling code without `+`, e.g. `44`. */
  readonly callingCode: string;
  /** The calling code belongs to no country (+800, +870, +881, +882, +883, +979...). */
  readonly nonGeographic: boolean;
  /** Whether the number is in an assigned range of its country (libphonenumber "valid"). */
  readonly valid: boolean;
  /** libphonenumber number type (MOBILE, PREMIUM_RATE...), when it can tell. */
  readonly type?: NumberType;
}

const DIGITS = /^\+?\d{3,17}$/;
const SEPARATORS = /[\s().\-/]/g;

/**
 * Normalizes what Okta sends as `phoneNumber` (string or number, with or without `+`) to E.164.
 * A number without `+` is read first as a national number of `defaultRegion`, then as an
 * international number missing its `+`; the reading that is valid wins, then the one that is
 * possible. Returns undefined when the input cannot be a phone number at all.
 */
export function normalizePhoneNumber(
  raw: string | number,
  defaultRegion: string,
): PhoneNumberInfo | undefined {
  const text = String(raw).trim().replace(SEPARATORS, '');
  if (!DIGITS.test(text)) return undefined;
  const parsed = text.startsWith('+')
    ? parsePhoneNumberFromString(text)
    : pickReading(text, defaultRegion as CountryCode);
  if (!parsed?.isPossible()) return undefined;
  return describe(parsed);
}

function pickReading(digits: string, region: CountryCode): PhoneNumber | undefined {
  const readings = [
    parsePhoneNumberFromString(digits, region),
    parsePhoneNumberFromString(`+${digits}`),
  ].filter((p): p is PhoneNumber => p !== undefined);
  return readings.find((p) => p.isValid()) ?? readings.find((p) => p.isPossible());
}

function describe(number: PhoneNumber): PhoneNumberInfo {
  // With max metadata a number has a type exactly when it is valid, so the type answers both
  // (isValid would match the number-type patterns a second time on every OTP).
  const type = number.getType();
  const valid = type !== undefined || number.isValid();
  return {
    e164: number.number,
    country: number.country,
    callingCode: number.countryCallingCode,
    nonGeographic: number.isNonGeographic(),
    valid,
    type: valid ? type : undefined,
  };
}

/**
 * A phone number safe for logs and records: country calling code and the last two digits,
 * e.g. `+44********23`. Unparseable input is fully masked.
 */
export function maskPhone(e164: string, callingCode?: string): string {
  const digits = e164.replace(/\D/g, '');
  const code = callingCode ?? parsePhoneNumberFromString(`+${digits}`)?.countryCallingCode ?? '';
  if (!code || digits.length <= code.length + 2)
    return '+' + '*'.repeat(Math.max(digits.length, 4));
  const middle = digits.length - code.length - 2;
  return `+${code}${'*'.repeat(middle)}${digits.slice(-2)}`;
}
