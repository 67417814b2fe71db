import { PhoneNumberInfo } from '../phone/phone-number';
import { Channel } from '../providers/channel';

/** One protection rule that matched a delivery, and why, in words safe for Okta and the logs. */
export interface ProtectionFinding {
  /** `number-invalid`, `country-deny`, `rate-limit:phone:5/900s`... */
  readonly rule: string;
  readonly reason: string;
  /** Matched under `adaptive.mode: monitor` while other rules enforce: counted, never blocks. */
  readonly monitored?: true;
}

/**
 * What protection says about one delivery: nothing matched; rules matched and the delivery is
 * blocked (`enforce`) or goes on regardless (`monitor`); or the shared store could not count it
 * and `store.onUnavailable: fail-closed` forbids sending uncounted.
 */
export type ProtectionVerdict =
  | { readonly action: 'allowed' }
  | {
      readonly action: 'blocked' | 'would-block';
      /** Every rule that matched, in the order checked; the first decides the answer. */
      readonly findings: readonly [ProtectionFinding, ...ProtectionFinding[]];
    }
  | { readonly action: 'unavailable'; readonly reason: string };

/** The verdict when no rule matched: one shared object, nothing allocated per delivery. */
export const ALLOWED: ProtectionVerdict = { action: 'allowed' };

/** What protection reads of a delivery request (delivery's `DeliveryRequest` has these fields). */
export interface ProtectionRequest {
  readonly requestType?: string;
  readonly channel: Channel;
  readonly userId?: string;
  /** Okta's `userProfile.login`: its domain may vouch for the user (`trusted.loginDomains`). */
  readonly userLogin?: string;
  readonly clientIp?: string;
}

/** What protection learnt about the number before sending: the number itself and the verdict. */
export interface Screening {
  /** Undefined when the input cannot be a phone number (nothing is sent then). */
  readonly phone?: PhoneNumberInfo;
  readonly verdict: ProtectionVerdict;
}
