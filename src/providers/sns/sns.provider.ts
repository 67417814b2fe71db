import type { MessageAttributeValue, PublishCommandInput, SNSClient } from '@aws-sdk/client-sns';
import { AwsClientSettings, awsClientSettings, LazyAwsClient } from '../kit/aws/aws-client';
import { awsCredentialProblems } from '../kit/aws/aws.config';
import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { SnsConfig } from './sns.config';
import { SNS_ERRORS } from './sns.errors';
import { SNS_SMS_ATTRIBUTE, SNS_SMS_TYPE } from './sns.types';

interface SnsSdk {
  readonly client: SNSClient;
  readonly PublishCommand: typeof import('@aws-sdk/client-sns').PublishCommand;
}

/**
 * Amazon SNS `Publish` to a phone number (SMS only), through the official SDK. SNS reports
 * delivery to CloudWatch Logs, not to a webhook, so this provider has no callbacks.
 */
export class SnsProvider implements TelephonyProvider {
  readonly type = 'sns';
  private readonly sns: LazyAwsClient<SnsSdk>;

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: SnsConfig,
    settings: AwsClientSettings,
  ) {
    this.sns = new LazyAwsClient(async () => {
      const { SNSClient, PublishCommand } = await import('@aws-sdk/client-sns');
      return { client: new SNSClient(settings), PublishCommand };
    }, SNS_ERRORS);
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const input = this.publishInput(message);
    const { MessageId } = await this.sns.call(signal, ({ client, PublishCommand }) =>
      client.send(new PublishCommand(input), { abortSignal: signal }),
    );
    return acceptedWith('Amazon SNS', 'MessageId', MessageId, message);
  }

  /** Publish straight to the number, as a transactional SMS (vendors.md §8.1). */
  publishInput(message: OtpMessage): PublishCommandInput {
    const { senderId, originationNumber, maxPrice } = this.config;
    const attributes: Record<string, MessageAttributeValue> = {
      [SNS_SMS_ATTRIBUTE.smsType]: { DataType: 'String', StringValue: SNS_SMS_TYPE },
    };
    if (senderId) {
      attributes[SNS_SMS_ATTRIBUTE.senderId] = { DataType: 'String', StringValue: senderId };
    }
    if (originationNumber) {
      attributes[SNS_SMS_ATTRIBUTE.originationNumber] = {
        DataType: 'String',
        StringValue: originationNumber,
      };
    }
    if (maxPrice) {
      attributes[SNS_SMS_ATTRIBUTE.maxPrice] = { DataType: 'Number', StringValue: maxPrice };
    }
    return { PhoneNumber: message.to, Message: message.text, MessageAttributes: attributes };
  }

  close(): Promise<void> {
    return this.sns.destroy();
  }
}

export const snsVendor: VendorDefinition<SnsConfig> = {
  configClass: SnsConfig,
  channels: ['sms'],
  check: (config) => awsCredentialProblems(config),
  create: (id, config, context) =>
    new SnsProvider(
      id,
      config.channels ?? ['sms'],
      config,
      awsClientSettings(config, context.connection),
    ),
};
