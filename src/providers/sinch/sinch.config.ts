import { Secret } from '../../common/config-decorators';
import { IsBase64, IsIn, IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';
import { ProviderConfig } from '../provider.config';

export const SINCH_REGIONS = ['us', 'eu', 'br', 'ca', 'au'] as const;

/** Sinch: SMS REST (batches) with an API token, Voice (ttsCallout) with an application key. */
export class SinchConfig extends ProviderConfig {
  /** SMS region: the host is `https://{region}.sms.api.sinch.com` unless `baseUrl` is set. */
  @IsIn(SINCH_REGIONS) region: (typeof SINCH_REGIONS)[number] = 'us';
  /** SMS: the service plan id of the API token. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9]+$/, { message: 'must be a Sinch service plan id (letters and digits)' })
  servicePlanId?: string;
  /** SMS: the service plan's API token, sent as a Bearer token. */
  @Secret() @IsOptional() @IsString() @MinLength(1) apiToken?: string;
  /** SMS sender: an E.164 number, a short code or an alphanumeric sender id. */
  @IsOptional() @IsString() @MinLength(1) from?: string;
  /** Voice API base URL (regional hosts, proxies, tests). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  voiceBaseUrl?: string;
  /** Voice: the application key. */
  @IsOptional() @IsString() @MinLength(1) applicationKey?: string;
  /** Voice: the application secret (base64, as Sinch shows it); signs each request, never sent. */
  @Secret() @IsOptional() @IsBase64() applicationSecret?: string;
  /** Voice caller id (E.164); defaults to `from`. */
  @IsOptional() @IsString() @MinLength(1) cli?: string;
  /** Secret Sinch signs SMS delivery reports with; reports are requested only when it is set. */
  @Secret() @IsOptional() @IsString() @MinLength(1) callbackSecret?: string;
}
