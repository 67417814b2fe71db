import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { IntRange } from '../config/decorators';
import { CHANNELS, Channel } from '../providers/channel';

const COUNTRY = { each: true, message: 'each country must be an ISO 3166 alpha-2 code' };

export class CountryPolicyConfig {
  /** When not empty, only these destination countries are served. */
  @IsArray() @Matches(/^[A-Z]{2}$/, COUNTRY) allow: string[] = [];
  @IsArray() @Matches(/^[A-Z]{2}$/, COUNTRY) deny: string[] = [];
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
  @IsArray() @IsIn(NUMBER_TYPES, { each: true }) deny: string[] = ['PREMIUM_RATE', 'SHARED_COST'];
}

export const RATE_LIMIT_KEYS = ['phone', 'user', 'ip', 'country', 'prefix'] as const;
export type RateLimitKey = (typeof RATE_LIMIT_KEYS)[number];

export class RateLimitRuleConfig {
  @IsIn(RATE_LIMIT_KEYS) key!: RateLimitKey;
  @IntRange(1) limit!: number;
  @IntRange(1, 31_536_000) windowSeconds!: number;
  /** Digits of the E.164 number (country code included) that form the key, for `prefix`. */
  @IsOptional() @IntRange(1, 15) prefixDigits?: number;
  /** Only deliveries on these channels count; absent means all. */
  @IsOptional() @IsArray() @IsIn(CHANNELS, { each: true }) channels?: Channel[];
  /** Only these Okta request types count, e.g. `com.okta.user.telephony.pre-enrollment`. */
  @IsOptional() @IsArray() @IsString({ each: true }) requestTypes?: string[];
}

export class ProtectionConfig {
  /** `monitor` decides and records but never blocks. */
  @IsIn(['enforce', 'monitor']) mode: 'enforce' | 'monitor' = 'enforce';
  /** How a blocked delivery is answered: `FAILED` status, or Okta's error object. */
  @IsIn(['failed', 'error']) onBlock: 'failed' | 'error' = 'failed';
  /** Region assumed for numbers that arrive without a country code. */
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166 alpha-2 code' }) defaultRegion = 'US';
  @ValidateNested() @Type(() => CountryPolicyConfig) countries = new CountryPolicyConfig();
  @ValidateNested() @Type(() => NumberTypePolicyConfig) numberTypes = new NumberTypePolicyConfig();
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RateLimitRuleConfig)
  rateLimits: RateLimitRuleConfig[] = [];
}
