import { readQuery } from './support/aws-query';
import { SMS_VOICE_MODEL } from './support/fakes/aws-sms-voice.fake';
import { SNS_MODEL } from './support/fakes/sns.fake';
import { missingVendorSpec } from './support/openapi';
import { describeOrSkip } from './support/skip';
import { SmithyModel } from './support/smithy';

/** The captured Publish body of vendors.md §8.1. */
const PUBLISH_FORM =
  'Action=Publish&Version=2010-03-31&Message=Your%20code%20is%20123456&PhoneNumber=%2B14155550123' +
  '&MessageAttributes.entry.1.Name=AWS.SNS.SMS.SMSType&MessageAttributes.entry.1.Value.DataType=String' +
  '&MessageAttributes.entry.1.Value.StringValue=Transactional' +
  '&MessageAttributes.entry.2.Name=AWS.SNS.SMS.SenderID&MessageAttributes.entry.2.Value.DataType=String' +
  '&MessageAttributes.entry.2.Value.StringValue=ACME';

const PUBLISH_INPUT = {
  Message: 'Your code is 123456',
  PhoneNumber: '+14155550123',
  MessageAttributes: {
    'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'ACME' },
  },
};

const MISSING_MODELS = missingVendorSpec(SNS_MODEL) ?? missingVendorSpec(SMS_VOICE_MODEL);

describeOrSkip(MISSING_MODELS, SmithyModel.name, () => {
  const sut = () => SmithyModel.load(SMS_VOICE_MODEL);

  it('should accept a SendVoiceMessage input the model allows', () => {
    const problems = sut().validate('SendVoiceMessage', {
      DestinationPhoneNumber: '+14155552671',
      OriginationIdentity: 'pool-0123456789abcdef',
      MessageBody: 'Your verification code is 1, 2.',
      MessageBodyTextType: 'TEXT',
      VoiceId: 'JOANNA',
      TimeToLive: 300,
      Context: { deliveryId: 'd-1' },
    });

    expect(problems).toEqual([]);
  });

  it('should report missing, unknown, mistyped, out-of-enum, too long and out-of-range members', () => {
    const problems = sut().validate('SendVoiceMessage', {
      DestinationPhoneNumber: '0044 7400',
      MessageBody: 'x'.repeat(6001),
      MessageBodyTextType: 'HTML',
      VoiceId: 7,
      TimeToLive: 1,
      Context: { 'has space': 'v' },
      Text: 'hello',
    });

    expect(problems).toEqual([
      'SendVoiceMessage.DestinationPhoneNumber does not match ^\\+?[1-9][0-9]{1,18}$',
      'SendVoiceMessage.OriginationIdentity is required',
      'SendVoiceMessage.MessageBody is longer than 6000',
      'SendVoiceMessage.MessageBodyTextType must be one of TEXT, SSML',
      'SendVoiceMessage.VoiceId must be a string',
      'SendVoiceMessage.TimeToLive is out of range 5..259200',
      'SendVoiceMessage.Context key has space does not match ^\\S+$',
      'SendVoiceMessage.Text is not a member',
    ]);
  });

  it('should check the members of a map value structure', () => {
    const problems = SmithyModel.load(SNS_MODEL).validate('Publish', {
      Message: 'hi',
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { StringValue: 'Transactional', Type: 'x' } },
    });

    expect(problems).toEqual([
      'Publish.MessageAttributes.AWS.SNS.SMS.SMSType.DataType is required',
      'Publish.MessageAttributes.AWS.SNS.SMS.SMSType.Type is not a member',
    ]);
  });
});

describeOrSkip(MISSING_MODELS, readQuery.name, () => {
  it('should read the captured SDK Publish form back into the Publish input', () => {
    const sut = readQuery(PUBLISH_FORM, '2010-03-31', SmithyModel.load(SNS_MODEL));

    expect(sut).toEqual({ action: 'Publish', input: PUBLISH_INPUT, problems: [] });
  });

  it('should read the same input without a model, assuming the awsQuery defaults', () => {
    expect(readQuery(PUBLISH_FORM, '2010-03-31').input).toEqual(PUBLISH_INPUT);
  });

  it('should report a wrong version, an unknown action and misnumbered map entries', () => {
    const model = SmithyModel.load(SNS_MODEL);
    const gap = PUBLISH_FORM.replace(/entry\.2\./g, 'entry.3.');

    expect(readQuery(gap, '2010-03-31', model).problems).toEqual([
      'Publish.MessageAttributes entries must be numbered 1..2',
    ]);
    expect(readQuery('Action=Send&Version=2010-01-01', '2010-03-31', model).problems).toEqual([
      'Version must be 2010-03-31',
      'Action Send is not an operation of the model',
    ]);
  });
});
