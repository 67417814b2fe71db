/** Shared shapes of the fraud simulation (bench/fraud/README.md). */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const REQUEST_TYPES = {
  enrollment: 'com.okta.user.telephony.pre-enrollment',
  signIn: 'com.okta.user.telephony.mfa-verification',
  passwordReset: 'com.okta.user.telephony.password-reset',
} as const;

/** Who sent a request: a legitimate user (and what kind of request it was), or a pumping wave. */
export type Source = { readonly legit: LegitCategory } | { readonly wave: string };

export type LegitCategory =
  | 'sign-in'
  | 'sign-in-office'
  | 'password-reset'
  | 'resend'
  | 'phone-change'
  | 'new-hire-office'
  | 'new-hire-remote'
  | 'typo';

/** One telephony hook request the simulation will send, and what the person then does. */
export interface SimRequest {
  /** Simulated ms since the start of the run. */
  readonly at: number;
  readonly source: Source;
  readonly userId: string;
  readonly login: string;
  readonly phone: string;
  readonly country: string;
  readonly channel: 'sms' | 'voice';
  readonly requestType: string;
  readonly ip: string;
  /** When the code is typed in, after the send; absent when it never is. */
  readonly verifyAfterMs?: number;
}

/** What a wave does, at full scale. */
export interface WaveSpec {
  readonly name: string;
  readonly description: string;
  readonly country: string;
  /** Simulated ms since the start. */
  readonly start: number;
  readonly durationMs: number;
  readonly sends: number;
  /** Where its numbers come from: counting up from one, in ranges (E.164 prefixes), anywhere. */
  readonly numbers:
    | { readonly kind: 'sequential'; readonly first: string }
    | { readonly kind: 'ranges'; readonly prefixes: readonly string[] }
    | { readonly kind: 'country' };
  /** Rotating client addresses; `sharedShare` of requests come through networks real users share. */
  readonly ips: number;
  readonly sharedShare?: number;
  /** Share of numbers that get a second code a minute later. */
  readonly resendShare: number;
  /** Share of codes the attacker types in, to look human. */
  readonly verifyShare: number;
}

/** SMS list price per country (USD, illustrative: a public price list of 2025, rounded). */
export const PRICE_PER_SMS: Readonly<Record<string, number>> = {
  US: 0.0083,
  CA: 0.0083,
  GB: 0.0463,
  JE: 0.0463,
  DE: 0.0926,
  FR: 0.0816,
  IN: 0.0832,
  BR: 0.0526,
  JP: 0.0772,
  AU: 0.0515,
  NL: 0.1108,
  ES: 0.0737,
  IE: 0.0788,
  MX: 0.0505,
  PL: 0.0421,
  UZ: 0.2698,
};

/** The users' countries, their share of the staff, and their offset from UTC in hours. */
export const COUNTRIES: readonly (readonly [string, number, number])[] = [
  ['US', 24, -5],
  ['GB', 14, 0],
  ['DE', 10, 1],
  ['IN', 10, 5.5],
  ['FR', 8, 1],
  ['CA', 5, -5],
  ['BR', 5, -3],
  ['JP', 4, 9],
  ['AU', 4, 10],
  ['NL', 4, 1],
  ['ES', 4, 1],
  ['IE', 3, 0],
  ['MX', 3, -6],
  ['PL', 3, 1],
  ['JE', 0.3, 0],
];
