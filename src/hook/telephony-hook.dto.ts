import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { ApiErrorCause } from '../common/api-error';
import {
  isStringOrNumber,
  Fields,
  optionalObject,
  optionalString,
  requiredObject,
  requiredString,
  stringOrNumber,
  Problems,
} from '../common/body-checks';

/** The hook's `otpCode` and `phoneNumber`: a non-empty string (of `pattern`) or a number. */
function IsStringOrNumber(maxLength: number, pattern?: RegExp): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStringOrNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a non-empty string or a number of the expected form' },
      validator: { validate: (value: unknown) => isStringOrNumber(value, maxLength, pattern) },
    });
}

/** An optional nested object of class `type` (null counts as absent). */
const OptionalNested = (type: () => new () => object): PropertyDecorator =>
  applyDecorators(IsOptional(), IsObject(), ValidateNested(), Type(type));

const CODE = /^[0-9A-Za-z]+$/;

/**
 * `data.messageProfile` (okta-contract.md §1.6–1.7). `phoneNumber` and `otpCode` arrive as
 * strings or numbers; `deliveryChannel` in any spelling (SMS, voice call, CALL, Voice).
 */
export class MessageProfileDto {
  @IsStringOrNumber(32) readonly phoneNumber!: string | number;
  @IsStringOrNumber(32, CODE) readonly otpCode!: string | number;
  @IsString() @IsNotEmpty() @MaxLength(32) readonly deliveryChannel!: string;
  @IsOptional() @IsString() @MaxLength(2000) readonly msgTemplate?: string;
  @IsOptional() @IsString() @MaxLength(35) readonly locale?: string;
  @IsOptional() @IsString() readonly otpExpires?: string;
  /** Before March 2022 Okta sent the request type here. */
  @IsOptional() @IsString() readonly eventAction?: string;
}

export class UserProfileDto {
  @IsOptional() @IsString() readonly userId?: string;
  @IsOptional() @IsString() readonly login?: string;
  @IsOptional() @IsString() readonly firstName?: string;
  @IsOptional() @IsString() readonly lastName?: string;
}

export class HookRequestContextDto {
  @IsOptional() @IsString() readonly id?: string;
  @IsOptional() @IsString() readonly ipAddress?: string;
}

export class HookContextDto {
  @OptionalNested(() => HookRequestContextDto) readonly request?: HookRequestContextDto;
}

export class TelephonyDataDto {
  @IsObject()
  @ValidateNested()
  @Type(() => MessageProfileDto)
  readonly messageProfile!: MessageProfileDto;
  @OptionalNested(() => UserProfileDto) readonly userProfile?: UserProfileDto;
  @OptionalNested(() => HookContextDto) readonly context?: HookContextDto;
}

/**
 * The telephony inline hook request (okta-contract.md §1): the contract, as class-validator
 * declarations. Only what delivery needs is required; fields Okta may add later are kept and
 * ignored, never rejected. The route checks bodies with {@link telephonyHookProblems}, which a
 * property test proves accepts and refuses exactly what these classes do (decision 0002).
 */
export class TelephonyHookRequestDto {
  @IsOptional() @IsString() @MaxLength(128) readonly eventId?: string;
  @IsOptional() @IsString() readonly requestType?: string;
  @IsObject() @ValidateNested() @Type(() => TelephonyDataDto) readonly data!: TelephonyDataDto;
}

/**
 * Every problem of `body` as an Okta hook request, one per field (its path and the rule, never
 * its value); empty when it is one. The declared DTO above, checked by hand: this runs on every
 * OTP, and class-transformer plus class-validator cost over a hundred times as much per body
 * (docs/decisions/0002-hook-body-validation.md).
 */
export function telephonyHookProblems(body: unknown): ApiErrorCause[] {
  const problems: Problems = [];
  const root = requiredObject(problems, body, 'body');
  if (!root) return problems;
  optionalString(problems, root, 'eventId', '', 128);
  optionalString(problems, root, 'requestType', '');
  const data = requiredObject(problems, root.data, 'data');
  if (!data) return problems;
  const message = requiredObject(problems, data.messageProfile, 'data.messageProfile');
  if (message) checkMessageProfile(problems, message);
  const user = optionalObject(problems, data, 'userProfile', 'data');
  if (user) {
    for (const key of ['userId', 'login', 'firstName', 'lastName']) {
      optionalString(problems, user, key, 'data.userProfile');
    }
  }
  const context = optionalObject(problems, data, 'context', 'data');
  const request = context && optionalObject(problems, context, 'request', 'data.context');
  if (request) {
    optionalString(problems, request, 'id', 'data.context.request');
    optionalString(problems, request, 'ipAddress', 'data.context.request');
  }
  return problems;
}

function checkMessageProfile(problems: Problems, message: Fields): void {
  const at = 'data.messageProfile';
  stringOrNumber(problems, message, 'phoneNumber', at, 32);
  stringOrNumber(problems, message, 'otpCode', at, 32, CODE);
  requiredString(problems, message, 'deliveryChannel', at, 32);
  optionalString(problems, message, 'msgTemplate', at, 2000);
  optionalString(problems, message, 'locale', at, 35);
  optionalString(problems, message, 'otpExpires', at);
  optionalString(problems, message, 'eventAction', at);
}
