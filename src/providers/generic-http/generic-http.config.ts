import { Secret } from '../../common/config-decorators';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  Allow,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ProviderConfig } from '../provider.config';
import { ProviderErrorCode } from '../provider-error';

/** A list of HTTP status codes. */
const StatusList = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    IsArray(),
    Type(() => Number),
    IsInt({ each: true }),
    Min(100, { each: true }),
    Max(599, { each: true }),
  );

const DOT_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

/** A field of a 2xx answer whose values mean the vendor did not take the message. */
export class FailWhenConfig {
  /** Dot path into the JSON answer, e.g. `messages.0.status`. */
  @Matches(DOT_PATH, { message: 'must be a dot path such as messages.0.status' }) path!: string;
  /** Values (compared as strings) that mean failure. */
  @IsArray() @IsString({ each: true }) values!: string[];
  /** How such a failure is classified. */
  @IsIn(Object.values(ProviderErrorCode)) code: ProviderErrorCode = ProviderErrorCode.VendorConfig;
}

/** How the vendor's answer is read. Statuses not listed: 429 rate-limited, 5xx transient, other 4xx vendor-config. */
export class GenericHttpResponseConfig {
  /** Dot path to the vendor's message id (`messages.0.id`); without it Okta gets our delivery id. */
  @IsOptional()
  @Matches(DOT_PATH, { message: 'must be a dot path such as messages.0.id' })
  messageIdPath?: string;
  /** Statuses that mean sent; default every 2xx. */
  @StatusList() successStatuses?: number[];
  @StatusList() transient?: number[];
  @StatusList() rateLimited?: number[];
  @StatusList() invalidRecipient?: number[];
  @StatusList() optedOut?: number[];
  @IsOptional() @ValidateNested() @Type(() => FailWhenConfig) failWhen?: FailWhenConfig;
}

export class BasicAuthConfig {
  @IsString() @MinLength(1) username!: string;
  @IsString() password!: string;
}

/**
 * Any vendor with an HTTP API, configured like the Okta Workflows Compose + API Connector cards:
 * a request template whose `{{placeholders}}` are filled per message (data, never code).
 */
export class GenericHttpConfig extends ProviderConfig {
  @IsIn(['GET', 'POST', 'PUT', 'PATCH']) method: 'GET' | 'POST' | 'PUT' | 'PATCH' = 'POST';
  /** Below `baseUrl`, query included; placeholders here are percent-encoded. */
  @IsString() path = '';
  /** Header name → value; placeholders allowed, a value with a line break is never sent. */
  @Secret() @IsOptional() @IsObject() headers?: Record<string, string>;
  @Secret()
  @IsOptional()
  @ValidateNested()
  @Type(() => BasicAuthConfig)
  basicAuth?: BasicAuthConfig;
  /** Body encoding: `json` (template is any YAML structure) or `form` (field → string). */
  @IsIn(['json', 'form']) format: 'json' | 'form' = 'json';
  /** The body; string leaves get placeholders substituted. Checked at boot (vendor check). */
  @Allow() template?: unknown;
  /** The sender, for `{{from}}`. */
  @IsOptional() @IsString() @MinLength(1) from?: string;
  /** Languages (BCP 47) the vendor's text-to-speech speaks, for `{{speech}}`; the first is the default. */
  @IsArray() @IsString({ each: true }) languages: string[] = ['en-US'];
  @ValidateNested() @Type(() => GenericHttpResponseConfig) response =
    new GenericHttpResponseConfig();
}
