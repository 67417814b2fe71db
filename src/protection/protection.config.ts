import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { IntRange } from '../common/config-decorators';
import { CHANNELS, Channel } from '../providers/channel';
import { AdaptiveConfig } from './adaptive.config';
import { TrustedConfig } from './trusted.config';

export class CountryPolicyConfig {
  /** When not empty, only these destination countries are served. */
  @IsArray() @IsString({ each: true }) allow: string[] = [];
  /** Destination countries never served. */
  @IsArray() @IsString({ each: true }) deny: string[] = [];
  /**
   * Numbers that belong to no country (+800, +808, +870, +881 satellite, +882/+883 international
   * networks, +979): `deny` blocks them (rule `non-geographic`), `allow` lets them past the
   * country lists.
   */
  @IsIn(['allow', 'deny']) nonGeographic: 'allow' | 'deny' = 'deny';
}

export const NUMBER_TYPES = [
  'PREMIUM_RATE',
  'SHARED_COST',
  'UAN',
  'VOICEMAIL',
  'PAGER',
  'PERSONAL_NUMBER',
  'TOLL_FREE',
  'VOIP',
  'FIXED_LINE',
  'MOBILE',
  'FIXED_LINE_OR_MOBILE',
] as const;

export class NumberTypePolicyConfig {
  /** libphonenumber number types never served (rule `number-type`). */
  @IsArray() @IsIn(NUMBER_TYPES, { each: true }) deny: string[] = ['PREMIUM_RATE', 'SHARED_COST'];
}

export const RATE_LIMIT_KEYS = ['phone', 'user', 'ip', 'country', 'prefix'] as const;
export type RateLimitKey = (typeof RATE_LIMIT_KEYS)[number];

/** Longest window: memory counters expire with a timer, and Node timers stop at 2^31 ms. */
export const MAX_WINDOW_SECONDS = 2_073_600;

/** A rule's own limit for some of its keys, e.g. the office network's `ip` count. */
export class RateLimitOverrideConfig {
  /**
   * Which keys: an E.164 prefix for `phone` and `prefix` (`+44 20 7946`), an address or CIDR
   * for `ip`, an ISO code for `country`, an Okta user id for `user`.
   */
  @IsString() match!: string;
  @IntRange(1) limit!: number;
}

export class RateLimitRuleConfig {
  /**
   * Names the rule in answers, records and metrics (`rate-limit:<name>`) and its counters in the
   * store; default `<key>:<limit>/<windowSeconds>s`. Renaming a rule starts its counts afresh.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:/-]{1,64}$/, {
    message: 'name must be 1-64 letters, digits or . _ : / -',
  })
  name?: string;
  @IsIn(RATE_LIMIT_KEYS) key!: RateLimitKey;
  @IntRange(1) limit!: number;
  @IntRange(1, MAX_WINDOW_SECONDS) windowSeconds!: number;
  /** Digits of the E.164 number (country code included) that form the key, for `prefix`. */
  @IsOptional() @IntRange(1, 15) prefixDigits?: number;
  /** Only deliveries on these channels count; absent means all. */
  @IsOptional() @IsArray() @IsIn(CHANNELS, { each: true }) channels?: Channel[];
  /**
   * Only these Okta request types count, e.g. `com.okta.user.telephony.pre-enrollment`, or
   * `enrollment`, `sign-in`, `password-reset`, `account-unlock` for short.
   */
  @IsOptional() @IsArray() @IsString({ each: true }) requestTypes?: string[];
  /** Only deliveries to these destination countries count; absent means all. */
  @IsOptional() @IsArray() @IsString({ each: true }) countries?: string[];
  /** Other limits for some keys; the first that matches wins, counted apart. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RateLimitOverrideConfig)
  overrides?: RateLimitOverrideConfig[];
}

export class ProtectionConfig {
  /** `monitor` decides and records but never blocks. */
  @IsIn(['enforce', 'monitor']) mode: 'enforce' | 'monitor' = 'enforce';
  /** How a blocked delivery is answered: `FAILED` status, or Okta's error object. */
  @IsIn(['failed', 'error']) onBlock: 'failed' | 'error' = 'failed';
  /** Region assumed for numbers that arrive without a country code. */
  @IsString() defaultRegion = 'US';
  /**
   * A number that could exist but lies outside its country's assigned ranges (libphonenumber
   * "possible but not valid", like Okta's Preview number 9876543210): `block` (rule
   * `number-invalid`) or `allow` (sent; the vendor decides).
   */
  @IsIn(['block', 'allow']) invalidNumbers: 'block' | 'allow' = 'block';
  @ValidateNested() @Type(() => CountryPolicyConfig) countries = new CountryPolicyConfig();
  @ValidateNested() @Type(() => NumberTypePolicyConfig) numberTypes = new NumberTypePolicyConfig();
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RateLimitRuleConfig)
  rateLimits: RateLimitRuleConfig[] = [];
  @ValidateNested() @Type(() => TrustedConfig) trusted = new TrustedConfig();
  @ValidateNested() @Type(() => AdaptiveConfig) adaptive = new AdaptiveConfig();
}
