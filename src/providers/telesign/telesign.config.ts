import { Secret } from '../../common/config-decorators';
import { IsBase64, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ProviderConfig } from '../provider.config';

/**
 * A Telesign account: the Messaging API (SMS) and the Voice API (text-to-speech calls) on
 * `https://rest-api.telesign.com` (self-service) or `https://rest-ww.telesign.com` (enterprise,
 * as `baseUrl`), with Basic `customerId:apiKey`.
 */
export class TelesignConfig extends ProviderConfig {
  /** Customer ID: the Basic auth user, and the id Telesign names in a callback's signature. */
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'must be a Telesign Customer ID' })
  customerId!: string;
  /** API key, base64 as the portal shows it: Basic auth password and the callbacks' signing key. */
  @Secret() @IsString() @IsBase64() apiKey!: string;
  /** SMS sender id (up to 20 characters) Telesign has allowed for the account; unset: Telesign's. */
  @IsOptional() @IsString() @Length(1, 20) senderId?: string;
}
