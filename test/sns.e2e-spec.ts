import { AWS_TEST_CREDENTIALS, xmlAnswer } from './support/fakes/aws.fake';
import { FakeSns, snsError } from './support/fakes/sns.fake';
import { describeVendor } from './support/vendor-contract';

/** The backup in another Region: each fake checks the Region of the signature. */
const REGION = { primary: 'eu-west-1', backup: 'us-east-1' };

describeVendor({
  vendor: 'Amazon SNS',
  ids: ['sns-a', 'sns-b'],
  start: (_link, role) => FakeSns.start({ region: REGION[role] }),
  provider: (fake, role) => ({
    type: 'sns',
    region: REGION[role],
    baseUrl: fake.url,
    ...AWS_TEST_CREDENTIALS,
    senderId: 'ACME',
    ...(role === 'primary' ? { timeoutMs: 1000, maxPrice: 0.5 } : { timeoutMs: 600 }),
  }),
  sms: {
    sent: (fake) => fake.input(),
    expected: {
      PhoneNumber: '+14155552671',
      Message: 'Acme code: 480213',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'ACME' },
        'AWS.SNS.SMS.MaxPrice': { DataType: 'Number', StringValue: '0.5' },
      },
    },
    transactionId: '00000000-0000-4000-8000-000000000001',
  },
  resent: (primary) => ({ ...primary.input(), MessageAttributes: expect.any(Object) }),
  notFailedOver: [
    [
      'SNS rejects the number',
      () =>
        snsError(
          400,
          'InvalidParameter',
          'Invalid parameter: PhoneNumber Reason: +14155552671 is not valid to publish to',
        ),
      'invalid-recipient',
      'Amazon SNS rejected the recipient (InvalidParameterException, HTTP 400)',
    ],
    [
      'the number opted out',
      () => snsError(400, 'OptedOut', 'Phone number is opted out'),
      'opted-out',
      'Amazon SNS says the recipient opted out (OptedOutException, HTTP 400)',
    ],
  ],
  failedOver: [
    ['an InternalError', () => snsError(500, 'InternalError'), 'transient'],
    ['Throttled', () => snsError(429, 'Throttled', 'Rate exceeded'), 'rate-limited'],
    ['an AuthorizationError', () => snsError(403, 'AuthorizationError'), 'vendor-config'],
    ['a refused signature', () => snsError(403, 'SignatureDoesNotMatch'), 'vendor-config'],
  ],
  withoutVendorId: [
    [
      'a Publish answered without a MessageId',
      () =>
        xmlAnswer(
          200,
          '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult/><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>',
        ),
      'Amazon SNS answered without a MessageId',
    ],
  ],
  secrets: [AWS_TEST_CREDENTIALS.secretAccessKey],
});
