import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsString, ValidateNested } from 'class-validator';
import { BooleanFromString, IntRange } from '../common/config-decorators';

const dropEmpty = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.filter((v) => v !== '') : value;

/** Sign-in with the customer's Okta: an OpenID Connect web app (docs/console.md). */
export class ConsoleOidcConfig {
  /** Okta's authorization server, e.g. `https://example.okta.com` (org) or `.../oauth2/default`. */
  @IsString() issuer = '';
  @IsString() clientId = '';
  @IsString() clientSecret = '';
  /** Where Okta sends the browser back: `https://<host>/console/auth/callback`. */
  @IsString() redirectUri = '';
  /** Okta groups (the ID token's `groups` claim) whose members may use the console. */
  @Transform(dropEmpty) @IsArray() @IsString({ each: true }) allowedGroups: string[] = [];
  /** Scopes asked for; `groups` makes Okta's org authorization server add the groups claim. */
  @IsArray() @IsString({ each: true }) scopes: string[] = ['openid', 'profile', 'email', 'groups'];
}

/** The console's session: a signed cookie naming a session kept in the shared store. */
export class ConsoleSessionConfig {
  /** Key that signs the session cookie; the same on every replica, 32 characters or more. */
  @IsString() secret = '';
  /** A session unused this long is over. */
  @IntRange(1, 1440) idleTimeoutMinutes = 30;
  /** A session is over this long after sign-in, used or not. */
  @IntRange(1, 168) absoluteTimeoutHours = 8;
}

/** The support console at `/console` (`console.*`), off by default. */
export class ConsoleConfig {
  @BooleanFromString() @IsBoolean() enabled = false;
  @ValidateNested() @Type(() => ConsoleOidcConfig) oidc = new ConsoleOidcConfig();
  @ValidateNested() @Type(() => ConsoleSessionConfig) session = new ConsoleSessionConfig();
}
