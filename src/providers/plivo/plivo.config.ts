import { Secret } from '../../common/config-decorators';
import { IsIn, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { ServerConfig } from '../../common/server.config';
import { Channel } from '../channel';
import { ProviderConfig } from '../provider.config';
import { PLIVO_VOICES, PlivoVoice } from './plivo.types';

const PHONE = /^\+?\d{7,15}$/;

/** A Plivo account (or subaccount). */
export class PlivoConfig extends ProviderConfig {
  /** Auth ID: the account in every path and the Basic auth user. */
  @Matches(/^[A-Za-z0-9]{1,64}$/, { message: 'must be a Plivo Auth ID (letters and digits)' })
  authId!: string;
  /** Auth token: Basic auth password, signature key, and the secret answer URLs are sealed with. */
  @Secret() @IsString() @MinLength(1) authToken!: string;
  /** SMS sender: a Plivo number, short code or alphanumeric sender id. */
  @IsOptional() @IsString() @MinLength(1) src?: string;
  /** Powerpack that picks the sender; used instead of `src`. */
  @IsOptional() @IsString() @MinLength(1) powerpackUuid?: string;
  /** Caller number for voice; defaults to `src`. */
  @IsOptional() @Matches(PHONE, { message: 'must be a phone number in E.164' }) voiceFrom?: string;
  /** `<Speak>` voice; each speaks its own set of languages. */
  @IsIn(PLIVO_VOICES) voice: PlivoVoice = 'WOMAN';
}

/** Settings that need more than one key to check (VendorDefinition.check). */
export function checkPlivoConfig(
  config: PlivoConfig,
  channels: readonly Channel[],
  server: ServerConfig,
): string[] {
  const problems: string[] = [];
  if (channels.includes('sms') && !config.src && !config.powerpackUuid) {
    problems.push('src: SMS needs `src` or `powerpackUuid`');
  }
  if (config.src && config.powerpackUuid) {
    problems.push('src: use `src` or `powerpackUuid`, not both');
  }
  if (channels.includes('voice')) {
    if (!config.voiceFrom && !PHONE.test(config.src ?? '')) {
      problems.push('voiceFrom: voice needs `voiceFrom`, or `src` as a phone number');
    }
    if (!server.publicUrl) {
      problems.push(
        'channels: Plivo voice needs `server.publicUrl` (Plivo fetches the call script)',
      );
    }
  }
  return problems;
}
