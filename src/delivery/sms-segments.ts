import { GSM7_BASIC, GSM7_EXTENSION } from '../providers/kit/sms/gsm7';

/** How an SMS text travels: its encoding and how many segments it is billed as. */
export interface SmsShape {
  readonly encoding: 'gsm7' | 'ucs2';
  readonly segments: number;
}

/** Septets per character code: 0 not in GSM-7, 1 basic, 2 extension. */
const SEPTETS = ((): Uint8Array => {
  const codes = [...GSM7_BASIC, ...GSM7_EXTENSION].map((c) => c.charCodeAt(0));
  const table = new Uint8Array(Math.max(...codes) + 1);
  for (const c of GSM7_BASIC) table[c.charCodeAt(0)] = 1;
  for (const c of GSM7_EXTENSION) table[c.charCodeAt(0)] = 2;
  return table;
})();

/** Characters per single SMS and per part of a concatenated one (okta-contract.md §5.2). */
const GSM7 = { single: 160, part: 153 } as const;
const UCS2 = { single: 70, part: 67 } as const;

/**
 * GSM-7 when every character is in the default alphabet or its extension, else UCS-2; then the
 * segment count. A character is never split across two parts (an escaped GSM character, a
 * UTF-16 surrogate pair), as phones reassemble them. One pass each, no arrays.
 */
export function smsShape(text: string): SmsShape {
  const encoding = isGsm7(text) ? 'gsm7' : 'ucs2';
  return { encoding, segments: countSegments(text, encoding) };
}

function isGsm7(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!SEPTETS[text.charCodeAt(i)]) return false;
  }
  return true;
}

function countSegments(text: string, encoding: SmsShape['encoding']): number {
  const limits = encoding === 'gsm7' ? GSM7 : UCS2;
  let total = 0;
  let parts = 1;
  let used = 0;
  for (let i = 0; i < text.length;) {
    const width = encoding === 'gsm7' ? SEPTETS[text.charCodeAt(i)] : ucs2Width(text, i);
    i += encoding === 'gsm7' ? 1 : width;
    total += width;
    if (used + width > limits.part) {
      parts++;
      used = 0;
    }
    used += width;
  }
  return total <= limits.single ? 1 : parts;
}

/** UTF-16 code units of the character at `i`: 2 for a surrogate pair, else 1. */
function ucs2Width(text: string, i: number): number {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}
