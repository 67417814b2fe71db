import type {
  PinpointSMSVoiceV2Client,
  SendTextMessageCommandInput,
  SendVoiceMessageCommandInput,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { AwsClientSettings, awsClientSettings, LazyAwsClient } from '../kit/aws/aws-client';
import { awsCredentialProblems } from '../kit/aws/aws.config';
import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { composeVoiceScript, pickLanguage } from '../kit/voice/voice-script';
import { AwsSmsVoiceConfig } from './aws-sms-voice.config';
import { AWS_SMS_VOICE_ERRORS } from './aws-sms-voice.errors';
import { POLLY_LANGUAGES, voiceFor } from './aws-sms-voice.types';

type Sdk = typeof import('@aws-sdk/client-pinpoint-sms-voice-v2');

interface SmsVoiceSdk {
  readonly client: PinpointSMSVoiceV2Client;
  readonly SendTextMessageCommand: Sdk['SendTextMessageCommand'];
  readonly SendVoiceMessageCommand: Sdk['SendVoiceMessageCommand'];
}

/**
 * AWS End User Messaging SMS and Voice v2: SendTextMessage for SMS, SendVoiceMessage (Amazon
 * Polly text-to-speech) for voice. Delivery events go to the configuration set's event
 * destinations (SNS, Kinesis, CloudWatch), never to an HTTP callback, so there are none here.
 */
export class AwsSmsVoiceProvider implements TelephonyProvider {
  readonly type = 'aws-sms-voice';
  private readonly api: LazyAwsClient<SmsVoiceSdk>;

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: AwsSmsVoiceConfig,
    settings: AwsClientSettings,
  ) {
    this.api = new LazyAwsClient(async () => {
      const sdk = await import('@aws-sdk/client-pinpoint-sms-voice-v2');
      return {
        client: new sdk.PinpointSMSVoiceV2Client(settings),
        SendTextMessageCommand: sdk.SendTextMessageCommand,
        SendVoiceMessageCommand: sdk.SendVoiceMessageCommand,
      };
    }, AWS_SMS_VOICE_ERRORS);
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const options = { abortSignal: signal };
    const { MessageId } = await this.api.call(signal, (sdk) =>
      message.channel === 'sms'
        ? sdk.client.send(new sdk.SendTextMessageCommand(this.textInput(message)), options)
        : sdk.client.send(new sdk.SendVoiceMessageCommand(this.voiceInput(message)), options),
    );
    return acceptedWith('AWS End User Messaging', 'MessageId', MessageId, message);
  }

  /** A transactional SMS; our delivery id goes to the event destinations as Context. */
  textInput(message: OtpMessage): SendTextMessageCommandInput {
    return {
      DestinationPhoneNumber: message.to,
      OriginationIdentity: this.config.originationIdentity,
      MessageBody: message.text,
      MessageType: 'TRANSACTIONAL',
      ConfigurationSetName: this.config.configurationSetName,
      MaxPrice: this.config.maxPrice,
      Context: { deliveryId: message.deliveryId },
    };
  }

  /**
   * Plain TEXT read by the Polly voice of the person's language: the sentence twice, each digit
   * after a comma so it is read alone, a full stop between the two readings.
   */
  voiceInput(message: OtpMessage): SendVoiceMessageCommandInput {
    const language = pickLanguage(message.locale, POLLY_LANGUAGES);
    const script = composeVoiceScript(message.code, language, 2, message.speech);
    return {
      DestinationPhoneNumber: message.to,
      OriginationIdentity: this.config.voiceOriginationIdentity ?? this.config.originationIdentity,
      MessageBody: Array.from({ length: script.repeat }, () => script.sentence).join(' '),
      MessageBodyTextType: 'TEXT',
      VoiceId: voiceFor(script.language),
      ConfigurationSetName: this.config.configurationSetName,
      Context: { deliveryId: message.deliveryId },
    };
  }

  close(): Promise<void> {
    return this.api.destroy();
  }
}

export const awsSmsVoiceVendor: VendorDefinition<AwsSmsVoiceConfig> = {
  configClass: AwsSmsVoiceConfig,
  channels: ['sms', 'voice'],
  check(config, channels) {
    const problems = awsCredentialProblems(config);
    if (
      channels.includes('voice') &&
      !config.voiceOriginationIdentity &&
      !config.originationIdentity
    ) {
      problems.push(
        'voiceOriginationIdentity: voice needs `voiceOriginationIdentity` or `originationIdentity` (a voice-capable number or pool)',
      );
    }
    return problems;
  },
  create: (id, config, context) =>
    new AwsSmsVoiceProvider(
      id,
      config.channels ?? ['sms', 'voice'],
      config,
      awsClientSettings(config, context.connection),
    ),
};
