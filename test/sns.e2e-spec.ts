import { AWS_TEST_CREDENTIALS, xmlAnswer } from './support/fakes/aws.fake';
import { FakeSns, snsError } from './support/fakes/sns.fake';
import { abandonedSince, FAILOVER_DEADLINE_MS, startFailoverGateway } from './support/failover';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway } from './support/gateway';
import { hookRequest } from './support/okta';
import { closeAll, expectSentWithoutVendorId } from './support/vendor-e2e';

const sns = (fake: FakeSns, region: string, extra: Record<string, unknown> = {}) => ({
  type: 'sns',
  region,
  baseUrl: fake.url,
  ...AWS_TEST_CREDENTIALS,
  senderId: 'ACME',
  timeoutMs: 1000,
  ...extra,
});

describe('Amazon SNS provider (e2e)', () => {
  let primary: FakeSns;
  let backup: FakeSns;
  let gateway: Gateway;

  beforeAll(async () => {
    primary = await FakeSns.start({ region: 'eu-west-1' });
    backup = await FakeSns.start({ region: 'us-east-1' });
    gateway = await startFailoverGateway({
      'sns-a': sns(primary, 'eu-west-1', { maxPrice: 0.5 }),
      'sns-b': sns(backup, 'us-east-1', { timeoutMs: 600 }),
    });
  });

  afterEach(() => expect(takeProblems(primary, backup)).toEqual([]));

  afterAll(() => closeAll(gateway, primary, backup));

  it('should publish a transactional SMS with Okta msgTemplate and answer SUCCESSFUL with the MessageId', async () => {
    const res = await gateway
      .hook(hookRequest({ otpCode: '480213', msgTemplate: 'Acme code: 480213' }))
      .expect(200);

    expect(primary.input()).toEqual({
      PhoneNumber: '+14155552671',
      Message: 'Acme code: 480213',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'ACME' },
        'AWS.SNS.SMS.MaxPrice': { DataType: 'Number', StringValue: '0.5' },
      },
    });
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'sns-a',
      transactionId: '00000000-0000-4000-8000-000000000001',
      transactionMetadata: expect.stringMatching(
        /^deliveryId=[0-9a-f-]{36}; durationMs=\d+; attempts=sns-a:sent\(\d+ms\)$/,
      ),
    });
  });

  it('should count a Publish answered without a MessageId as sent, and never fail over', async () => {
    primary.script(() =>
      xmlAnswer(
        200,
        '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult/><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>',
      ),
    );

    await expectSentWithoutVendorId(
      gateway,
      hookRequest(),
      'sns-a',
      'Amazon SNS answered without a MessageId',
      backup.server,
    );
  });

  it('should not fail over when SNS rejects the number, and answer the Okta error object', async () => {
    primary.script(() =>
      snsError(
        400,
        'InvalidParameter',
        'Invalid parameter: PhoneNumber Reason: +14155552671 is not valid to publish to',
      ),
    );

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.server.requests).toHaveLength(0);
    expect(res.body).toEqual({
      error: {
        errorSummary: 'Failed to deliver SMS OTP',
        errorCauses: [
          {
            errorSummary: expect.stringContaining('sns-a:invalid-recipient'),
            reason: expect.stringMatching(
              /^sns-a:invalid-recipient\(\d+ms: Amazon SNS rejected the recipient \(InvalidParameterException, HTTP 400\)\)$/,
            ),
            locationType: 'body',
            location: 'sns-a',
          },
          {
            errorSummary: expect.any(String),
            reason: 'sns-a refused the recipient (invalid-recipient); not failed over',
            locationType: 'body',
            location: 'delivery',
          },
        ],
      },
    });
    expect(JSON.stringify(res.body)).not.toContain('4155552671');
  });

  it('should not fail over when the number opted out', async () => {
    primary.script(() => snsError(400, 'OptedOut', 'Phone number is opted out'));

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.server.requests).toHaveLength(0);
    expect(res.body.error.errorCauses[0].reason).toContain('sns-a:opted-out');
  });

  it.each([
    ['an InternalError', () => snsError(500, 'InternalError'), 'transient'],
    ['Throttled', () => snsError(429, 'Throttled', 'Rate exceeded'), 'rate-limited'],
    ['an AuthorizationError', () => snsError(403, 'AuthorizationError'), 'vendor-config'],
    ['a refused signature', () => snsError(403, 'SignatureDoesNotMatch'), 'vendor-config'],
  ])('should fail over to the second provider after %s', async (_name, failure, outcome) => {
    primary.script(failure);

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(primary.server.requests).toHaveLength(1);
    expect(backup.input()).toEqual({ ...primary.input(), MessageAttributes: expect.any(Object) });
    const value = res.body.commands[0].value[0];
    expect(value).toMatchObject({ status: 'SUCCESSFUL', provider: 'sns-b' });
    expect(value.transactionMetadata).toMatch(
      new RegExp(`attempts=sns-a:${outcome}\\(\\d+ms: Amazon SNS .+\\),sns-b:sent\\(\\d+ms\\)$`),
    );
  });

  it('should abort a hanging SNS call at its timeout and answer through the second provider in time', async () => {
    primary.script(() => 'hang');
    const abandonedBefore = primary.server.abandoned;
    const started = Date.now();

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(Date.now() - started).toBeLessThan(FAILOVER_DEADLINE_MS + 50);
    expect(res.body.commands[0].value[0].provider).toBe('sns-b');
    expect(res.body.commands[0].value[0].transactionMetadata).toMatch(
      /sns-a:timeout\(\d+ms: no answer within 1000 ms, abandoned\)/,
    );
    expect(await abandonedSince(primary.server, abandonedBefore)).toBe(1);
  });

  it('should never log the code, the message text, the full number or the secret key', async () => {
    primary.script(() => snsError(500, 'InternalError'));
    await gateway
      .hook(hookRequest({ otpCode: '913375', msgTemplate: 'Secret text 913375' }))
      .expect(200);

    const logs = gateway.logs.lines.join('\n');
    expect(logs).not.toContain('913375');
    expect(logs).not.toContain('Secret text');
    expect(logs).not.toContain('4155552671');
    expect(logs).not.toContain(AWS_TEST_CREDENTIALS.secretAccessKey);
    expect(logs).toContain('+1********71');
  });
});
