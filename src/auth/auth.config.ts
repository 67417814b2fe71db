import { Transform, Type } from 'class-transformer';
import { IntRange } from '../common/config-decorators';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MinLength,
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

const URL_RULE = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/**
 * Okta OAuth 2.0 inline hooks (okta-contract.md §3.3): Okta sends `Authorization: Bearer <access
 * token>` issued by the authorization server configured in the hook; the gateway verifies it.
 */
export class OAuthConfig {
  /** The authorization server, e.g. `https://example.okta.com/oauth2/default`; must equal `iss`. */
  @IsUrl(URL_RULE) issuer!: string;
  /** Must be in `aud` (Okta's default server uses `api://default`). */
  @IsString() @MinLength(1) audience!: string;
  /** Where the signing keys are; discovered from the issuer's metadata when absent. */
  @IsOptional() @IsUrl(URL_RULE) jwksUri?: string;
  /** Scopes the token must carry in `scp` (all of them). */
  @IsArray() @IsString({ each: true }) scopes: string[] = [];
  /** Leeway for `exp` and `nbf`. */
  @IntRange(0, 300) clockToleranceSeconds = 30;
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
