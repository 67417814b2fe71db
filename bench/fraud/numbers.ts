import { CountryCode, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { Random } from './random';

const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** Whether libphonenumber reads the number as a valid mobile of this very country. */
export function isMobileOf(e164: string, country: string): boolean {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.country === country && MOBILE_TYPES.has(parsed.getType() ?? '');
}

/**
 * A valid mobile number of the country, random beyond `keep` digits of libphonenumber's example
 * (1: anywhere in the mobile plan), or beyond a given E.164 `prefix` (a range).
 */
export function mobileNumber(random: Random, country: string, prefix?: string): string {
  const example = getExampleNumber(country as CountryCode, examples)!;
  const start = prefix ?? `+${example.countryCallingCode}${example.nationalNumber.slice(0, 1)}`;
  const length = 1 + example.countryCallingCode.length + example.nationalNumber.length;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const candidate = start + random.digits(length - start.length);
    if (isMobileOf(candidate, country)) return candidate;
  }
  throw new Error(`no valid mobile number of ${country} starts ${prefix ?? 'like the example'}`);
}

/** `count` valid numbers counting up from `first` (the sequential run of a pumping bot). */
export function sequentialNumbers(first: string, count: number, country: string): string[] {
  const numbers: string[] = [];
  let n = BigInt(first.slice(1));
  while (numbers.length < count) {
    const candidate = `+${n++}`;
    if (isMobileOf(candidate, country)) numbers.push(candidate);
  }
  return numbers;
}
