import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { maskPhone } from '../phone/phone-number';

/**
 * A phone number as an Okta event gives it: in full (`+14155552671`), or masked the way Okta's
 * docs show it (`+14xxxxxxxxx`), where only some digits are known.
 */
export type OktaPhone =
  | { readonly kind: 'full'; readonly e164: string }
  | {
      readonly kind: 'masked';
      /** One character per digit after `+`: the digit, or `?` where Okta hid it. */
      readonly pattern: string;
      readonly callingCode?: string;
    };

const FULL = /^\+?\d{6,17}$/;
const MASKED = /^\+?[\dxX*•#]{6,17}$/;
const SEPARATORS = /[\s().\-/]/g;
const CALLING_CODES = new Set(getCountries().map((c) => getCountryCallingCode(c)));

/**
 * Reads a number from an event field. Without `+` the digits are taken as international (Okta
 * writes E.164). `callingCodeHint` is Okta's `countryCallingCode`, when the event has one.
 */
export function readOktaPhone(raw: unknown, callingCodeHint?: string): OktaPhone | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = String(raw).trim().replace(SEPARATORS, '');
  if (FULL.test(text)) return { kind: 'full', e164: `+${text.replace(/^\+/, '')}` };
  if (!MASKED.test(text)) return undefined;
  const pattern = text.replace(/^\+/, '').replace(/\D/g, '?');
  const callingCode = callingCodeHint ?? leadingCallingCode(pattern);
  return { kind: 'masked', pattern, ...(callingCode ? { callingCode } : {}) };
}

/** The gateway's masked form (`+1********71`), whatever Okta revealed. */
export function maskOktaPhone(phone: OktaPhone): string {
  if (phone.kind === 'full') return maskPhone(phone.e164);
  const code = phone.callingCode ?? '';
  const tail = /\d\d$/.test(phone.pattern) ? phone.pattern.slice(-2) : '';
  const hidden = phone.pattern.length - code.length - tail.length;
  if (hidden < 1) return '+' + '*'.repeat(Math.max(phone.pattern.length, 4));
  return `+${code}${'*'.repeat(hidden)}${tail}`;
}

/** The calling code a masked number visibly starts with (1 to 3 digits), if any. */
function leadingCallingCode(pattern: string): string | undefined {
  const visible = /^\d*/.exec(pattern)?.[0] ?? '';
  for (let length = 1; length <= Math.min(3, visible.length); length++) {
    if (CALLING_CODES.has(visible.slice(0, length))) return visible.slice(0, length);
  }
  return undefined;
}
