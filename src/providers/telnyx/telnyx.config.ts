import { Secret } from '../../common/config-decorators';
import { IsIn, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { ServerConfig } from '../../common/server.config';
import { Channel } from '../channel';
import { ProviderConfig } from '../provider.config';
import { readTelnyxPublicKey } from './telnyx.signature';

const E164 = /^\+\d{7,15}$/;

/** A Telnyx account (API v2). */
export class TelnyxConfig extends ProviderConfig {
  /** API v2 key, sent as Bearer; also the secret the Call Control `client_state` key derives from. */
  @Secret() @IsString() @MinLength(1) apiKey!: string;
  /** SMS sender: +E.164 number, short code or alphanumeric sender id. */
  @IsOptional() @IsString() @MinLength(1) from?: string;
  /** Messaging profile (number pool, alphanumeric senders); used with or instead of `from`. */
  @IsOptional() @IsString() @MinLength(1) messagingProfileId?: string;
  /** Caller number for voice (+E.164); defaults to `from`. */
  @IsOptional() @Matches(E164, { message: 'must be a phone number in +E.164' }) voiceFrom?: string;
  /** `texml` (default): one request with inline TeXML; `call-control`: dial, then speak on answer. */
  @IsIn(['texml', 'call-control']) voiceMode: 'texml' | 'call-control' = 'texml';
  /** TeXML: the account id in the path, and the TeXML application (`ApplicationSid`). */
  @IsOptional() @IsString() @MinLength(1) accountSid?: string;
  @IsOptional() @IsString() @MinLength(1) texmlApplicationId?: string;
  /** Call Control: the Call Control application (`connection_id`). */
  @IsOptional() @IsString() @MinLength(1) connectionId?: string;
  /** Webhook public key (base64 Ed25519, Mission Control portal): verifies every callback. */
  @IsOptional() @IsString() @MinLength(1) publicKey?: string;
  /** TTS voice: `alice` for TeXML `<Say>`, `female` for Call Control speak, unless set. */
  @IsOptional() @IsString() @MinLength(1) voice?: string;
}

/** Settings that need more than one key to check (VendorDefinition.check). */
export function checkTelnyxConfig(
  config: TelnyxConfig,
  channels: readonly Channel[],
  server: ServerConfig,
): string[] {
  const problems: string[] = [];
  if (config.publicKey && !readTelnyxPublicKey(config.publicKey)) {
    problems.push('publicKey: must be the base64 Ed25519 public key of the Telnyx account');
  }
  if (channels.includes('sms') && !config.from && !config.messagingProfileId) {
    problems.push('from: SMS needs `from` or `messagingProfileId`');
  }
  if (channels.includes('voice')) problems.push(...voiceProblems(config, server));
  return problems;
}

function voiceProblems(config: TelnyxConfig, server: ServerConfig): string[] {
  const problems: string[] = [];
  if (!config.voiceFrom && !E164.test(config.from ?? '')) {
    problems.push('voiceFrom: voice needs `voiceFrom`, or `from` as a +E.164 number');
  }
  if (config.voiceMode === 'texml') {
    if (!config.accountSid) problems.push('accountSid: TeXML voice needs `accountSid`');
    if (!config.texmlApplicationId) {
      problems.push('texmlApplicationId: TeXML voice needs `texmlApplicationId`');
    }
    return problems;
  }
  if (!config.connectionId) problems.push('connectionId: Call Control voice needs `connectionId`');
  if (!config.publicKey) problems.push('publicKey: Call Control voice needs `publicKey`');
  if (!server.publicUrl) {
    problems.push('voiceMode: Call Control needs `server.publicUrl` for its call webhooks');
  }
  return problems;
}
