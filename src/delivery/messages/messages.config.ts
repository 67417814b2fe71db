import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BooleanFromString, IntRange } from '../../common/config-decorators';
import { CHANNELS, Channel } from '../../providers/channel';

/** Okta's request types (okta-contract.md §1.3), by their last part or in full. */
export const REQUEST_TYPES = [
  'pre-enrollment',
  'mfa-verification',
  'account-unlock',
  'password-reset',
] as const;
const OKTA_PREFIX = 'com.okta.user.telephony.';
const REQUEST_TYPE_NAMES = REQUEST_TYPES.flatMap((t) => [t, `${OKTA_PREFIX}${t}`]);

export const ENCODINGS = ['keep', 'gsm7-when-possible'] as const;
export type MessageEncoding = (typeof ENCODINGS)[number];

/** A lowercase DNS host with at least one dot; an IDN in its `xn--` form. */
const HOST = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const HOST_RULE = {
  message: '$property must be a lowercase host such as login.example.com (no scheme, port or path)',
};

export class WebOtpConfig {
  /** The host of the page where the person types the code (the top-level site). */
  @Matches(HOST, HOST_RULE) domain = '';
  /** When the code is asked for in an iframe: that iframe's host (WebOTP embedded origin). */
  @IsOptional() @Matches(HOST, HOST_RULE) embeddedDomain?: string;
}

export class TemplateMatchConfig {
  /** BCP 47 language ranges (`es` matches `es-MX`, `es-MX` only `es-MX`); absent matches any. */
  @IsOptional()
  @IsArray()
  @Matches(/^(?:\*|[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)$/, {
    each: true,
    message: 'each locale must be a language tag such as es or pt-BR',
  })
  locales?: string[];
  /** Okta request types, short (`password-reset`) or in full; absent matches any. */
  @IsOptional()
  @IsArray()
  @IsIn(REQUEST_TYPE_NAMES, {
    each: true,
    message: `each request type must be one of ${REQUEST_TYPES.join(', ')}`,
  })
  requestTypes?: string[];
  /** Absent: the channels this template has a text for. */
  @IsOptional() @IsArray() @IsIn(CHANNELS, { each: true }) channels?: Channel[];
}

export class MessageTemplateConfig {
  @ValidateNested() @Type(() => TemplateMatchConfig) match = new TemplateMatchConfig();
  /** SMS text with placeholders, instead of Okta's msgTemplate. */
  @IsOptional() @IsString() @MaxLength(1000) sms?: string;
  /** What the call says (twice), instead of the built-in sentence. */
  @IsOptional() @IsString() @MaxLength(500) voice?: string;
}

/** `messages.*`: what the SMS and the call say (docs/messages.md). */
export class MessagesConfig {
  /** Ends every SMS with the WebOTP line `@domain #code`, so browsers fill the code in. */
  @IsOptional() @ValidateNested() @Type(() => WebOtpConfig) webOtp?: WebOtpConfig;
  /** Android SMS Retriever: the app's 11-character hash, added on its own line. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{11}$/, {
    message: '$property must be the 11 characters of the app hash (A-Z, a-z, 0-9, + and /)',
  })
  androidAppHash?: string;
  /** Checked in order; the first that matches writes the message, else Okta's text is sent. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MessageTemplateConfig)
  templates: MessageTemplateConfig[] = [];
  /** `gsm7-when-possible`: replace look-alikes so a text stays in GSM-7 (160, not 70, a part). */
  @IsIn(ENCODINGS) encoding: MessageEncoding = 'keep';
  /** Largest number of segments a template's SMS may cost (checked at boot). */
  @IntRange(1, 10) maxSegments = 1;
  /** Lets templates use `{firstName}` (Okta's userProfile.firstName) in the text. */
  @BooleanFromString() @IsBoolean() allowPersonalData = false;
}

/** `com.okta.user.telephony.password-reset` → `password-reset`; other values as they are. */
export function shortRequestType(type: string): string {
  return type.startsWith(OKTA_PREFIX) ? type.slice(OKTA_PREFIX.length) : type;
}
