import { Secret } from '../../common/config-decorators';
import {
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ServerConfig } from '../../common/server.config';
import { Channel } from '../channel';
import { requirePublicUrl } from '../kit/vendor-checks';
import { ProviderConfig } from '../provider.config';

const SUBACCOUNT = /^[A-Za-z0-9\-._&]{3,50}$/;
const SUBACCOUNT_MESSAGE = {
  message: 'must be an 8x8 subaccount id (3-50 letters, digits, - . _ &)',
};

/**
 * An 8x8 CPaaS account: the SMS API on a regional host (`baseUrl`, default the Asia-Pacific
 * `https://sms.8x8.com`) and the Voice Callflows API (`voiceBaseUrl`), both with
 * `Authorization: Bearer <apiKey>`.
 */
export class EightByEightConfig extends ProviderConfig {
  /** API key from 8x8 Connect, sent as a Bearer token. */
  @Secret() @IsString() @MinLength(1) apiKey!: string;
  /** SMS subaccount: the `{subAccountId}` of `POST /api/v1/subaccounts/{subAccountId}/messages`. */
  @Matches(SUBACCOUNT, SUBACCOUNT_MESSAGE) subAccountId!: string;
  /** SMS sender (`source`, up to 16 characters); unset: the subaccount's default. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(16) source?: string;
  /** Voice subaccount (8x8 creates one at voice onboarding); defaults to `subAccountId`. */
  @IsOptional() @Matches(SUBACCOUNT, SUBACCOUNT_MESSAGE) voiceSubAccountId?: string;
  /** Caller id of calls (E.164), a number registered on the account. */
  @IsOptional()
  @Matches(/^\+?[1-9]\d{6,14}$/, { message: 'must be a phone number in E.164' })
  voiceFrom?: string;
  /** Voice API base URL. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  voiceBaseUrl?: string;
  /**
   * Speech profile per language (BCP 47 tag → 8x8 `voiceProfile`, as `GET …/speech-profiles`
   * lists them for the account); the first entry is the default for other languages.
   */
  @IsObject() voiceProfiles: Record<string, string> = { 'en-US': 'en-US-Jenny' };
  /**
   * The `Authorization` value 8x8 sends with every webhook (the SMS webhook's
   * `httpAuthorization`, the voice webhook's `httpAuthHeader`): receipts are accepted only
   * with it. 8x8 does not sign webhooks; without this key receipts are refused.
   */
  @Secret() @IsOptional() @IsString() @MinLength(16) callbackAuthorization?: string;
}

/** Settings that need more than one key to check. */
export function checkEightByEight(
  config: EightByEightConfig,
  channels: readonly Channel[],
  server: ServerConfig,
): string[] {
  const problems: string[] = [];
  if (channels.includes('voice') && !config.voiceFrom) {
    problems.push('voiceFrom: voice needs `voiceFrom`, a number registered on the account');
  }
  const profiles = Object.entries(config.voiceProfiles);
  const valid = ([tag, profile]: [string, unknown]) =>
    /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(tag) && typeof profile === 'string' && profile !== '';
  if (profiles.length === 0 || !profiles.every(valid)) {
    problems.push('voiceProfiles: must map language tags (`en-US`) to 8x8 speech profile names');
  }
  problems.push(
    ...requirePublicUrl('callbackAuthorization', Boolean(config.callbackAuthorization), server),
  );
  return problems;
}
