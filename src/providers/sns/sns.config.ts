import { IsOptional, Matches } from 'class-validator';
import { AwsConfig, StringFromNumber } from '../kit/aws/aws.config';

/** Amazon SNS `Publish` straight to a phone number (SMS only). */
export class SnsConfig extends AwsConfig {
  /** `AWS.SNS.SMS.SenderID`: alphanumeric sender, where the destination country allows one. */
  @IsOptional()
  @Matches(/^(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}$/, {
    message: 'must be 1 to 11 letters, digits or hyphens, with at least one letter',
  })
  senderId?: string;
  /** `AWS.MM.SMS.OriginationNumber`: a number of this account to send from, in E.164. */
  @IsOptional()
  @Matches(/^\+[1-9]\d{1,14}$/, { message: 'must be an E.164 number such as +15005550006' })
  originationNumber?: string;
  /** `AWS.SNS.SMS.MaxPrice`: the most, in USD, one message may cost; dearer ones are not sent. */
  @IsOptional()
  @StringFromNumber()
  @Matches(/^\d{1,2}(\.\d{1,5})?$/, { message: 'must be an amount in USD such as 0.50' })
  maxPrice?: string;
}
