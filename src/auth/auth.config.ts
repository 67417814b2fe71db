import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** Empty strings are rotation slots left unset (`${NEXT_SECRET:-}`); they are dropped. */
const dropEmpty = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.filter((v) => v !== '') : value;

/** Okta "HTTP header" authentication: one header name and the secrets it may carry. */
export class HeaderAuthConfig {
  /** Header name as entered in Okta's "Authentication field" (case-insensitive). */
  @IsString()
  @Matches(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { message: 'must be an HTTP header name' })
  name = 'authorization';
  /** Accepted values; more than one during a rotation. */
  @Transform(dropEmpty)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(4096, { each: true })
  secrets: string[] = [];
}

/** Okta OAuth 2.0 inline hooks: a Bearer access token issued by this authorization server. */
export class OAuthConfig {
  @IsString() issuer!: string;
  @IsString() audience!: string;
  @IsOptional() @IsString() jwksUri?: string;
  @IsArray() @IsString({ each: true }) scopes: string[] = [];
}

export class HookAuthConfig {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HeaderAuthConfig)
  headers: HeaderAuthConfig[] = [];
  @IsOptional() @ValidateNested() @Type(() => OAuthConfig) oauth?: OAuthConfig;
}

export class EventAuthConfig {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HeaderAuthConfig)
  headers: HeaderAuthConfig[] = [];
}
