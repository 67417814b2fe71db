import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OktaEventHookDelivery, OktaLogEvent } from './okta-log-event.types';

/** One `LogEvent`: the two fields every later step relies on; the rest is read defensively. */
export class LogEventDto implements OktaLogEvent {
  [field: string]: unknown;
  @IsString() @IsNotEmpty() @MaxLength(128) uuid!: string;
  @IsString() @IsNotEmpty() @MaxLength(256) eventType!: string;
}

export class EventHookDataDto {
  @IsArray()
  @ArrayMaxSize(1000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => LogEventDto)
  events!: LogEventDto[];
}

/**
 * An event hook delivery (okta-contract.md §4.2). A body that is not this shape is answered 400,
 * which Okta does not retry; fields Okta may add are kept and ignored.
 */
export class EventHookRequestDto implements OktaEventHookDelivery {
  @IsOptional() @IsString() eventType?: string;
  @IsOptional() @IsString() eventTypeVersion?: string;
  @IsOptional() @IsString() cloudEventsVersion?: string;
  @IsOptional() @IsString() @MaxLength(1024) source?: string;
  @IsOptional() @IsString() @MaxLength(128) eventId?: string;
  @IsOptional() @IsString() @MaxLength(64) eventTime?: string;
  @IsOptional() @IsString() contentType?: string;
  @IsObject() @ValidateNested() @Type(() => EventHookDataDto) data!: EventHookDataDto;
}
