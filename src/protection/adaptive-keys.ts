import { PhoneNumberInfo } from '../phone/phone-number';
import { AdaptiveConfig } from './adaptive.config';
import { watchNetwork } from './client-ip';
import { digest } from '../common/digest';

/** What a watch-list key counts: a destination country, a number range, a client network. */
export type WatchKind = 'country' | 'range' | 'network';

/** Digits of a range shown in labels: country code and five more at most (phone/ masking rules). */
const SHOWN_DIGITS = 5;

/** One key a delivery is counted under. */
export interface AdaptiveKey {
  /** Store id: readable for a country, a digest for a range or network. */
  readonly id: string;
  readonly kind: WatchKind;
  /** What people see: `GB`, `+44 7400 1`, `+44 7400 1**` (hidden digits), `198.51.100.0/24`. */
  readonly label: string;
  /** The destination's ISO code, `+<calling code>` when it has none. */
  readonly country: string;
  /** A range narrower than the widest one counted (`rangeDigits` beyond the smallest). */
  readonly narrow?: true;
}

/** Which keys `protection.adaptive` counts a delivery under, the most specific first. */
export class AdaptiveKeys {
  private readonly rangeDigits: readonly number[];

  constructor(private readonly config: AdaptiveConfig) {
    this.rangeDigits = [...new Set(config.rangeDigits)].sort((a, b) => b - a);
  }

  of(phone: PhoneNumberInfo, clientIp: string | undefined): AdaptiveKey[] {
    const country = phone.country ?? `+${phone.callingCode}`;
    const national = phone.e164.slice(1 + phone.callingCode.length);
    const keys: AdaptiveKey[] = [];
    const widest = this.rangeDigits[this.rangeDigits.length - 1];
    for (const digits of this.rangeDigits) {
      if (digits >= national.length) continue;
      const range = national.slice(0, digits);
      keys.push({
        id: `r${digits}:${digest(phone.callingCode + range)}`,
        kind: 'range',
        label: rangeLabel(phone.callingCode, range),
        country,
        ...(digits > widest ? { narrow: true as const } : {}),
      });
    }
    const network = this.config.network && clientIp ? watchNetwork(clientIp) : undefined;
    if (network)
      keys.push({ id: `n:${digest(network)}`, kind: 'network', label: network, country });
    if (this.config.country)
      keys.push({ id: `c:${country}`, kind: 'country', label: country, country });
    return keys;
  }
}

/** `+44 7400 1`: the calling code, then the range in groups of four, hidden digits as `*`. */
export function rangeLabel(callingCode: string, range: string): string {
  const shown = range.slice(0, SHOWN_DIGITS) + '*'.repeat(Math.max(0, range.length - SHOWN_DIGITS));
  return `+${callingCode} ${shown.replace(/(.{4})(?=.)/g, '$1 ')}`;
}
