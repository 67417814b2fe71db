import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsStringOrNumber } from './string-or-number.validator';

/**
 * `data.messageProfile` (okta-contract.md §1.6–1.7). `phoneNumber` and `otpCode` arrive as
 * strings or numbers; `deliveryChannel` in any spelling (SMS, voice call, CALL, Voice).
 */
export class MessageProfileDto {
  @IsStringOrNumber({ maxLength: 32 }) phoneNumber!: string | number;
  @IsStringOrNumber({ maxLength: 32, pattern: /^[0-9A-Za-z]+$/ }) otpCode!: string | number;
  @IsString() @IsNotEmpty() @MaxLength(32) deliveryChannel!: string;
  @IsOptional() @IsString() @MaxLength(2000) msgTemplate?: string;
  @IsOptional() @IsString() @MaxLength(35) locale?: string;
  @IsOptional() @IsString() otpExpires?: string;
  /** Before March 2022 Okta sent the request type here. */
  @IsOptional() @IsString() eventAction?: string;
}

export class UserProfileDto {
  @IsOptional() @IsString() userId?: string;
  @IsOptional() @IsString() login?: string;
  @IsOptional() @IsString() firstName?: string;
  @IsOptional() @IsString() lastName?: string;
}

export class RequestInfoDto {
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() ipAddress?: string;
}

export class ContextDto {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RequestInfoDto) request?: RequestInfoDto;
}

export class TelephonyDataDto {
  @IsObject() @ValidateNested() @Type(() => MessageProfileDto) messageProfile!: MessageProfileDto;
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UserProfileDto)
  userProfile?: UserProfileDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ContextDto) context?: ContextDto;
}

/**
 * The telephony inline hook request (okta-contract.md §1). Only what delivery needs is
 * required; fields Okta may add later are kept and ignored, never rejected.
 */
export class TelephonyHookRequestDto {
  @IsOptional() @IsString() @MaxLength(128) eventId?: string;
  @IsOptional() @IsString() requestType?: string;
  @IsObject() @ValidateNested() @Type(() => TelephonyDataDto) data!: TelephonyDataDto;
}
