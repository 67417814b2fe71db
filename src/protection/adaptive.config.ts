import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BooleanFromString, IntRange } from '../common/config-decorators';

/** A share from 0.01 to 1, also when it arrives as a string from `${VAR}` substitution. */
function Share(): PropertyDecorator {
  return (target, property) => {
    Type(() => Number)(target, property);
    IsNumber({}, { message: '$property must be a number from 0.01 to 1' })(target, property);
    Min(0.01, { message: '$property must be a number from 0.01 to 1' })(target, property);
    Max(1, { message: '$property must be a number from 0.01 to 1' })(target, property);
  };
}

const RANGE_DIGITS = 'each of rangeDigits must be an integer from 1 to 12';

/** Settled codes a key needs in its window (or history) before its ratio can put it on watch. */
export class AdaptiveMinSentConfig {
  @IntRange(1, 100_000) country = 8;
  @IntRange(1, 100_000) range = 3;
  @IntRange(1, 100_000) network = 4;
}

/** `action: step-down`: what a watched key still gets. */
export class AdaptiveStepDownConfig {
  /** Deliveries per watched key and window that still go (SMS only: voice is off). */
  @IntRange(0, 100_000) limit = 1;
  @IntRange(60, 2_073_600) windowSeconds = 3600;
}

/**
 * Verification feedback (`protection.adaptive`): codes sent and verified per country, number
 * range and client network, each key against its own history; a key whose codes stop being
 * verified goes on the watch list, and new enrollments to it are blocked or stepped down.
 */
export class AdaptiveConfig {
  /** Needs the event hook with `user.authentication.auth_via_mfa` and `user.mfa.factor.activate`. */
  @BooleanFromString() @IsBoolean() enabled = false;
  /** `monitor` counts and records what the watch list would block; default `protection.mode`. */
  @IsOptional() @IsIn(['enforce', 'monitor']) mode?: 'enforce' | 'monitor';
  /** Requests the watch list counts and acts on (`enrollment` = pre-enrollment). */
  @IsArray() @IsString({ each: true }) requestTypes: string[] = ['enrollment'];
  /** `block`, or `step-down`: no voice, and at most `stepDown.limit` per window. */
  @IsIn(['block', 'step-down']) action: 'block' | 'step-down' = 'block';
  @ValidateNested() @Type(() => AdaptiveStepDownConfig) stepDown = new AdaptiveStepDownConfig();
  @BooleanFromString() @IsBoolean() country = true;
  /** Number ranges counted: digits after the country code (3: +44 740, 5: +44 7400 1). */
  @IsArray()
  @IsInt({ each: true, message: RANGE_DIGITS })
  @Min(1, { each: true, message: RANGE_DIGITS })
  @Max(12, { each: true, message: RANGE_DIGITS })
  rangeDigits: number[] = [3, 5, 7];
  /** Client networks counted: /24 for IPv4, /48 for IPv6. */
  @BooleanFromString() @IsBoolean() network = true;
  /** The recent window compared with the key's history. */
  @IntRange(120, 86_400) windowSeconds = 3600;
  /** Codes younger than this are not yet expected to be verified. */
  @IntRange(10, 3600) settleSeconds = 90;
  /** Half-life of the history a key's baseline is learned from. */
  @IntRange(3600, 31_536_000) historyHalfLifeSeconds = 604_800;
  /** The verified share assumed of a key with little history. */
  @Share() expectedRatio = 0.85;
  /** A key is watched when its verified share falls below this part of its baseline. */
  @Share() dropFactor = 0.5;
  @ValidateNested() @Type(() => AdaptiveMinSentConfig) minSent = new AdaptiveMinSentConfig();
  /**
   * Codes within one window to a number range that never had one verified which put it
   * on watch at once, before any is due (0: never).
   */
  @IntRange(0, 100_000) burst = 6;
  /** How long a watch lasts after it starts or after the last attempt it blocked. */
  @IntRange(60, 2_073_600) watchSeconds = 21_600;
  /** The longest one watch lasts, whatever keeps knocking. */
  @IntRange(60, 2_073_600) maxWatchSeconds = 604_800;
  /** How long a verified code vouches for its number, user and network. */
  @IntRange(3600, 31_536_000) trustSeconds = 7_776_000;
}
