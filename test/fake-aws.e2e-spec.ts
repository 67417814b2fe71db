import {
  PinpointSMSVoiceV2Client,
  SendVoiceMessageCommand,
  SendVoiceMessageCommandInput,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { PublishCommand, PublishCommandInput, SNSClient } from '@aws-sdk/client-sns';
import request from 'supertest';
import { AWS_TEST_CREDENTIALS } from './support/fakes/aws.fake';
import { FakeAwsSmsVoice, SMS_VOICE_MODEL } from './support/fakes/aws-sms-voice.fake';
import { FakeSns, SNS_MODEL } from './support/fakes/sns.fake';
import { hasVendorSpec, missingVendorSpec } from './support/openapi';
import { itOrSkip } from './support/skip';

const publish: PublishCommandInput = {
  PhoneNumber: '+14155552671',
  Message: 'hi',
  MessageAttributes: {
    'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
  },
};

const client = <C>(
  Client: new (config: object) => C,
  url: string,
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string } = AWS_TEST_CREDENTIALS,
): C => new Client({ region, endpoint: url, credentials, maxAttempts: 1 });

/** The fakes must refuse what AWS would, or the provider tests prove nothing. */
describe(FakeSns.name, () => {
  let sut: FakeSns;

  beforeEach(async () => {
    sut = await FakeSns.start({ region: 'eu-west-1' });
  });

  afterEach(() => sut.close());

  it('should accept what the official SDK signs and sends', async () => {
    const sns = client(SNSClient, sut.url, 'eu-west-1');

    const output = await sns.send(new PublishCommand(publish));

    expect(output.MessageId).toBe('00000000-0000-4000-8000-000000000001');
    expect(sut.problems).toEqual([]);
    expect(sut.input()).toEqual(publish);
    sns.destroy();
  });

  it('should refuse another secret key, another Region and an unsigned JSON body', async () => {
    const wrongKey = client(SNSClient, sut.url, 'eu-west-1', {
      ...AWS_TEST_CREDENTIALS,
      secretAccessKey: 'not-the-secret',
    });
    const wrongRegion = client(SNSClient, sut.url, 'eu-west-2');

    await expect(wrongKey.send(new PublishCommand(publish))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(wrongRegion.send(new PublishCommand(publish))).rejects.toThrow();
    await request(sut.url).post('/').send({ Action: 'Publish' }).expect(400);

    expect(sut.problems).toEqual([
      'SigV4: signature does not match',
      'SigV4: scope Region must be eu-west-1',
      'body must be application/x-www-form-urlencoded',
      'Version must be 2010-03-31',
      ...(hasVendorSpec(SNS_MODEL) ? ['Action (missing) is not an operation of the model'] : []),
      'Action must be Publish, not missing',
      'Publish needs PhoneNumber, TopicArn or TargetArn',
      'Authorization is not an AWS4-HMAC-SHA256 signature',
    ]);
    wrongKey.destroy();
    wrongRegion.destroy();
  });

  itOrSkip(
    missingVendorSpec(SNS_MODEL),
    'should refuse an input the model does not allow',
    async () => {
      const sns = client(SNSClient, sut.url, 'eu-west-1');
      const input = {
        ...publish,
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { StringValue: 'x' } },
      };

      await expect(
        sns.send(new PublishCommand(input as unknown as PublishCommandInput)),
      ).rejects.toThrow();

      expect(sut.problems).toEqual([
        'Publish.MessageAttributes.AWS.SNS.SMS.SMSType.DataType is required',
      ]);
      sns.destroy();
    },
  );
});

describe(FakeAwsSmsVoice.name, () => {
  let sut: FakeAwsSmsVoice;
  const voice: SendVoiceMessageCommandInput = {
    DestinationPhoneNumber: '+14155552671',
    OriginationIdentity: '+15005550006',
    MessageBody: 'Your verification code is 1, 2.',
    MessageBodyTextType: 'TEXT',
    VoiceId: 'JOANNA',
  };

  beforeEach(async () => {
    sut = await FakeAwsSmsVoice.start({ region: 'us-west-2' });
  });

  afterEach(() => sut.close());

  it('should accept what the official SDK signs and sends', async () => {
    const api = client(PinpointSMSVoiceV2Client, sut.url, 'us-west-2');

    const output = await api.send(new SendVoiceMessageCommand(voice));

    expect(output.MessageId).toBe('msg-00000001');
    expect(sut.problems).toEqual([]);
    expect(sut.calls[0].operation).toBe('SendVoiceMessage');
    expect(sut.input()).toEqual(voice);
    api.destroy();
  });

  it('should refuse an SNS-signed request and a request without a target', async () => {
    const signedForSns = client(SNSClient, sut.url, 'us-west-2');

    await expect(signedForSns.send(new PublishCommand(publish))).rejects.toThrow();
    await request(sut.url)
      .post('/')
      .set('content-type', 'application/x-amz-json-1.0')
      .send('{}')
      .expect(400);

    expect(sut.problems).toEqual([
      'Content-Type must be application/x-amz-json-1.0',
      'X-Amz-Target must be PinpointSMSVoiceV2.SendTextMessage|SendVoiceMessage',
      'body must be JSON',
      'body must be a JSON object',
      'SigV4: scope service must be sms-voice',
      'X-Amz-Target must be PinpointSMSVoiceV2.SendTextMessage|SendVoiceMessage',
      'Authorization is not an AWS4-HMAC-SHA256 signature',
    ]);
    signedForSns.destroy();
  });

  itOrSkip(
    missingVendorSpec(SMS_VOICE_MODEL),
    'should answer a ValidationException to an input the model does not allow',
    async () => {
      const api = client(PinpointSMSVoiceV2Client, sut.url, 'us-west-2');
      const input = { ...voice, OriginationIdentity: undefined, VoiceId: 'ROBOT' };

      await expect(
        api.send(new SendVoiceMessageCommand(input as unknown as SendVoiceMessageCommandInput)),
      ).rejects.toMatchObject({ name: 'ValidationException', Reason: 'FIELD_VALIDATION_FAILED' });

      expect(sut.problems).toEqual([
        'SendVoiceMessage.OriginationIdentity is required',
        expect.stringMatching(/^SendVoiceMessage\.VoiceId must be one of AMY, ASTRID, /),
      ]);
      api.destroy();
    },
  );
});
