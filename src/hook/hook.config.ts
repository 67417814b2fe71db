import { IsString, MaxLength, ValidateNested } from 'class-validator';
import { HookAuthConfig } from '../auth/auth.config';
import { Type } from 'class-transformer';
import { IntRange } from '../common/config-decorators';

export class HookConfig {
  /** Okta gets an answer before this many ms, whatever the vendors do (Okta gives up at 3000). */
  @IntRange(200, 2900) deadlineMs = 2500;
  /** Kept free at the end of the deadline to build and write the answer. */
  @IntRange(10, 1000) answerMarginMs = 100;
  /** SMS text when Okta sends no msgTemplate; `{code}` is replaced by the code. */
  @IsString() @MaxLength(1000) defaultSmsTemplate = 'Your verification code is {code}';
  @ValidateNested() @Type(() => HookAuthConfig) auth = new HookAuthConfig();
}
