import { Secret } from '../../common/config-decorators';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';
import { ProviderConfig } from '../provider.config';
import { basicAuthorization } from '../kit/http/post';

export class TwilioConfig extends ProviderConfig {
  @Matches(/^AC[0-9a-fA-F]{32}$/, {
    message: 'must be a Twilio Account SID (AC followed by 32 hex digits)',
  })
  accountSid!: string;
  /** Auth token: signs requests (unless an API key is set) and verifies status callbacks. */
  @Secret({ minLength: 32, name: 'a Twilio Auth Token (32 characters)' })
  @IsString()
  @MinLength(1)
  authToken!: string;
  /** Optional API key used for requests instead of the auth token (revocable, per service). */
  @IsOptional()
  @Matches(/^SK[0-9a-fA-F]{32}$/, { message: 'must be a Twilio API key SID (SK...)' })
  apiKeySid?: string;
  @Secret() @IsOptional() @IsString() @MinLength(1) apiKeySecret?: string;
  /** Sender: an E.164 number, a short code or an alphanumeric sender id. */
  @IsOptional() @IsString() @MinLength(1) from?: string;
  /** Messaging Service that picks the sender; used for SMS instead of `from`. */
  @IsOptional()
  @Matches(/^MG[0-9a-fA-F]{32}$/, { message: 'must be a Messaging Service SID (MG...)' })
  messagingServiceSid?: string;
  /** Caller number for voice; defaults to `from`. */
  @IsOptional() @IsString() @MinLength(1) voiceFrom?: string;
  /** TwiML `<Say>` voice; `alice` speaks the most languages among the standard voices. */
  @IsString() voice = 'alice';
  /**
   * `messaging`: Messages and Calls with Okta's text. `verify`: Twilio Verify delivers Okta's
   * code (`CustomCode`) with its own templates, Fraud Guard and geo permissions.
   */
  @IsIn(['messaging', 'verify']) mode: 'messaging' | 'verify' = 'messaging';
  /** Verify Service (VA…) with custom verification codes enabled; `mode: verify` needs it. */
  @IsOptional()
  @Matches(/^VA[0-9a-fA-F]{32}$/, { message: 'must be a Verify Service SID (VA...)' })
  verifyServiceSid?: string;
  /** Verify API base URL. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  verifyBaseUrl?: string;
}

/** Basic credentials for Twilio's APIs: the API key when one is set, else the account's token. */
export function twilioAuthorization(config: TwilioConfig): string {
  return config.apiKeySid && config.apiKeySecret
    ? basicAuthorization(config.apiKeySid, config.apiKeySecret)
    : basicAuthorization(config.accountSid, config.authToken);
}
