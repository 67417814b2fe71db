import { Secret } from '../../common/config-decorators';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';
import { Channel } from '../channel';
import { ProviderConfig } from '../provider.config';
import { readPrivateKey } from './vonage.jwt';
import { VONAGE_SIGNATURE_METHODS, VonageSignatureMethod } from './vonage.types';

/**
 * A Vonage account. `baseUrl` is the SMS API host (rest.nexmo.com); `apiBaseUrl` the host of
 * the Messages and Voice APIs (api.nexmo.com), a different service with its own regional hosts.
 */
export class VonageConfig extends ProviderConfig {
  /** API key and secret: SMS API credentials, and Basic auth for the Messages API. */
  @IsOptional() @IsString() @MinLength(1) apiKey?: string;
  @Secret({ minLength: 6, name: 'a Vonage API secret (6 to 32 characters)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  apiSecret?: string;
  /** `sms`: the SMS API (default); `messages`: the Messages API v1. */
  @IsIn(['sms', 'messages']) smsApi: 'sms' | 'messages' = 'sms';
  /** SMS sender: a number (E.164, `+` optional) or an alphanumeric sender id. */
  @IsOptional() @IsString() @MinLength(1) from?: string;
  /** Caller number for voice; defaults to `from`. */
  @IsOptional()
  @Matches(/^\+?\d{7,15}$/, { message: 'must be a phone number in E.164' })
  voiceFrom?: string;
  /** Vonage application whose private key signs the JWT of Voice (and Messages) requests. */
  @IsOptional() @IsString() @MinLength(1) applicationId?: string;
  /** The application's private key (PEM), usually `${file:/…/private.key}`. */
  @Secret() @IsOptional() @IsString() @MinLength(1) privateKey?: string;
  /** Account signature secret: checks `sig` on SMS receipts and the JWT of signed webhooks. */
  @Secret() @IsOptional() @IsString() @MinLength(1) signatureSecret?: string;
  /** How SMS API receipts are signed (Vonage dashboard setting). */
  @IsIn(VONAGE_SIGNATURE_METHODS) signatureMethod: VonageSignatureMethod = 'md5hash';
  /** Messages and Voice API base URL (default https://api.nexmo.com). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  apiBaseUrl?: string;
}

/** Settings that need more than one key to check (VendorDefinition.check). */
export function checkVonageConfig(config: VonageConfig, channels: readonly Channel[]): string[] {
  const problems: string[] = [];
  const hasSecret = Boolean(config.apiKey && config.apiSecret);
  const hasApplication = Boolean(config.applicationId && config.privateKey);
  if (Boolean(config.apiKey) !== Boolean(config.apiSecret)) {
    problems.push('apiKey: `apiKey` and `apiSecret` go together');
  }
  if (Boolean(config.applicationId) !== Boolean(config.privateKey)) {
    problems.push('applicationId: `applicationId` and `privateKey` go together');
  }
  if (config.privateKey && !readPrivateKey(config.privateKey)) {
    problems.push('privateKey: must be a PEM private key');
  }
  if (channels.includes('sms')) problems.push(...smsProblems(config, hasSecret, hasApplication));
  if (channels.includes('voice')) {
    if (!hasApplication)
      problems.push('applicationId: voice needs `applicationId` and `privateKey`');
    if (!config.voiceFrom && !/^\+?\d{7,15}$/.test(config.from ?? '')) {
      problems.push('voiceFrom: voice needs `voiceFrom`, or `from` as a phone number');
    }
  }
  return problems;
}

function smsProblems(config: VonageConfig, hasSecret: boolean, hasApplication: boolean): string[] {
  const problems = config.from ? [] : ['from: SMS needs a sender in `from`'];
  if (config.smsApi === 'sms' && !hasSecret) {
    problems.push('apiKey: the SMS API needs `apiKey` and `apiSecret`');
  }
  if (config.smsApi === 'messages' && !hasSecret && !hasApplication) {
    problems.push('apiKey: the Messages API needs `apiKey` and `apiSecret`, or an application');
  }
  return problems;
}
