import { Secret } from '../../common/config-decorators';
import { IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';
import { ProviderConfig } from '../provider.config';

/**
 * An Azure Communication Services resource, through the official SDK
 * (`@azure/communication-sms`): with its connection string (access key, HMAC-signed requests),
 * or with Entra ID (`DefaultAzureCredential`: workload identity on AKS, managed identity, the
 * `AZURE_*` environment) and its `endpoint`. SMS only.
 */
export class AzureAcsConfig extends ProviderConfig {
  /** `endpoint=https://<resource>.communication.azure.com/;accesskey=<base64 key>`; unset: Entra ID. */
  @Secret() @IsOptional() @IsString() @MinLength(1) connectionString?: string;
  /** The resource's endpoint, for Entra ID; with a connection string its endpoint is used. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  endpoint?: string;
  /** Sender: a number (E.164) or short code the resource owns, or an alphanumeric sender id. */
  @IsString()
  @Matches(/^(\+[1-9]\d{6,14}|\d{3,8}|[A-Za-z0-9 ]{1,11})$/, {
    message: 'must be an E.164 number, a short code or an alphanumeric sender id',
  })
  from!: string;
  /**
   * A random secret of your own, in the Event Grid subscription's endpoint as `?token=` (or sent
   * as `Authorization: Bearer` by a delivery property): Event Grid does not sign deliveries, so
   * delivery reports and the validation handshake are accepted only with it.
   */
  @Secret() @IsOptional() @IsString() @MinLength(16) callbackSecret?: string;
}
