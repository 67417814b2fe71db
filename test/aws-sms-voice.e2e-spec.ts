import { AWS_TEST_CREDENTIALS } from './support/fakes/aws.fake';
import { FakeAwsSmsVoice, smsVoiceError } from './support/fakes/aws-sms-voice.fake';
import { describeVendor } from './support/vendor-contract';

const DELIVERY_ID = expect.stringMatching(/^[0-9a-f-]{36}$/);
/** A 200 of the AWS JSON protocol with no MessageId in it. */
const amzJsonWithoutId = () => ({
  status: 200,
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: '{}',
});
const sentence = 'Votre code de vérification est 4, 8, 2, 1.';

describeVendor({
  vendor: 'AWS End User Messaging',
  ids: ['eum-a', 'eum-b'],
  start: () => FakeAwsSmsVoice.start({ region: 'us-west-2' }),
  provider: (fake, role) => ({
    type: 'aws-sms-voice',
    region: 'us-west-2',
    baseUrl: fake.url,
    ...AWS_TEST_CREDENTIALS,
    originationIdentity: 'pool-0123456789abcdef0123456789abcdef',
    ...(role === 'primary'
      ? {
          timeoutMs: 1000,
          voiceOriginationIdentity: '+15005550006',
          configurationSetName: 'otp-events',
        }
      : { timeoutMs: 600 }),
  }),
  sms: {
    sent: (fake) => ({ operation: fake.calls[0].operation, input: fake.input() }),
    expected: {
      operation: 'SendTextMessage',
      input: {
        DestinationPhoneNumber: '+14155552671',
        OriginationIdentity: 'pool-0123456789abcdef0123456789abcdef',
        MessageBody: 'Acme code: 480213',
        MessageType: 'TRANSACTIONAL',
        ConfigurationSetName: 'otp-events',
        Context: { deliveryId: DELIVERY_ID },
      },
    },
    transactionId: 'msg-00000001',
  },
  voice: {
    locale: 'fr-FR',
    sent: (fake) => ({ operation: fake.calls[0].operation, input: fake.input() }),
    expected: {
      operation: 'SendVoiceMessage',
      input: {
        DestinationPhoneNumber: '+14155552671',
        OriginationIdentity: '+15005550006',
        MessageBody: `${sentence} ${sentence}`,
        MessageBodyTextType: 'TEXT',
        VoiceId: 'CELINE',
        ConfigurationSetName: 'otp-events',
        Context: { deliveryId: DELIVERY_ID },
      },
    },
    transactionId: 'msg-00000001',
  },
  resent: (primary) => ({
    operation: 'SendTextMessage',
    input: { ...primary.input(), ConfigurationSetName: undefined },
  }),
  notFailedOver: [
    [
      'the number opted out',
      () =>
        smsVoiceError(400, 'ConflictException', {
          Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
          ResourceType: 'opt-out-list',
          ResourceId: 'Default',
        }),
      'opted-out',
      'AWS End User Messaging says the recipient opted out (ConflictException, HTTP 400)',
    ],
    [
      'the number is invalid',
      () =>
        smsVoiceError(400, 'ValidationException', {
          Reason: 'INVALID_PARAMETER',
          Fields: [{ Name: 'DestinationPhoneNumber', Message: 'invalid +14155552671' }],
        }),
      'invalid-recipient',
      'AWS End User Messaging rejected the recipient (ValidationException, HTTP 400)',
    ],
  ],
  failedOver: [
    [
      'an InternalServerException',
      () => smsVoiceError(500, 'InternalServerException'),
      'transient',
    ],
    ['a ThrottlingException', () => smsVoiceError(400, 'ThrottlingException'), 'rate-limited'],
    [
      'an AccessDeniedException',
      () => smsVoiceError(403, 'AccessDeniedException', { Reason: 'ACCOUNT_DISABLED' }),
      'vendor-config',
    ],
  ],
  withoutVendorId: [
    [
      'an SMS taken without a MessageId',
      amzJsonWithoutId,
      'AWS End User Messaging answered without a MessageId',
    ],
    [
      'a call taken without a MessageId',
      amzJsonWithoutId,
      'AWS End User Messaging answered without a MessageId',
      { hook: { deliveryChannel: 'voice call' } },
    ],
  ],
  hangChannel: 'CALL',
  secrets: [AWS_TEST_CREDENTIALS.secretAccessKey],
});
