import { IsOptional, Matches } from 'class-validator';
import { AwsConfig, StringFromNumber } from '../kit/aws/aws.config';

/** Identity patterns from pinpoint-sms-voice-v2-2022-03-31.json (phone number, id, ARN, pool). */
const ORIGINATION = /^[A-Za-z0-9_:/+-]{1,256}$/;
const ORIGINATION_MESSAGE = 'must be a phone number, sender id, pool id or their ARN';

/** AWS End User Messaging SMS and Voice v2: SendTextMessage and SendVoiceMessage. */
export class AwsSmsVoiceConfig extends AwsConfig {
  /** SMS sender: phone number, sender id, pool, or their id or ARN (`OriginationIdentity`). */
  @IsOptional()
  @Matches(ORIGINATION, { message: ORIGINATION_MESSAGE })
  originationIdentity?: string;
  /** Caller for voice: a voice-capable phone number or pool; defaults to `originationIdentity`. */
  @IsOptional()
  @Matches(ORIGINATION, { message: ORIGINATION_MESSAGE })
  voiceOriginationIdentity?: string;
  /** Configuration set whose event destinations receive delivery events. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:/-]{1,256}$/, { message: 'must be a configuration set name or ARN' })
  configurationSetName?: string;
  /** `MaxPrice` of an SMS in USD; dearer messages are refused. */
  @IsOptional()
  @StringFromNumber()
  @Matches(/^\d{0,2}\.\d{1,5}$/, { message: 'must be an amount in USD such as 0.50' })
  maxPrice?: string;
}
