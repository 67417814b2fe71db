import { Secret } from '../../common/config-decorators';
import { IsOptional, IsString, MinLength } from 'class-validator';
import { ProviderConfig } from '../provider.config';

/**
 * Infobip: SMS v3 and text-to-speech voice on your account's own base URL
 * (`https://<yours>.api.infobip.com`, required as `baseUrl`).
 */
export class InfobipConfig extends ProviderConfig {
  /** API key, sent as `Authorization: App <apiKey>`. */
  @Secret() @IsString() @MinLength(1) apiKey!: string;
  /** SMS sender (alphanumeric or number); Infobip picks one when unset. */
  @IsOptional() @IsString() @MinLength(1) from?: string;
  /** Numeric caller id for voice (E.164 digits); defaults to `from`. */
  @IsOptional() @IsString() @MinLength(1) voiceFrom?: string;
  /**
   * A random secret of your own: Infobip does not sign webhooks, so the notify URL carries it
   * as `?token=` and a receipt is accepted only with it. Receipts are requested only when set.
   */
  @Secret() @IsOptional() @IsString() @MinLength(16) callbackToken?: string;
}
