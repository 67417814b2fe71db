import { AWS_TEST_CREDENTIALS } from './support/fakes/aws.fake';
import { FakeAwsSmsVoice, smsVoiceError } from './support/fakes/aws-sms-voice.fake';
import { abandonedSince, FAILOVER_DEADLINE_MS, startFailoverGateway } from './support/failover';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway } from './support/gateway';
import { hookRequest } from './support/okta';
import { closeAll, expectSentWithoutVendorId } from './support/vendor-e2e';

const endUserMessaging = (fake: FakeAwsSmsVoice, extra: Record<string, unknown> = {}) => ({
  type: 'aws-sms-voice',
  region: 'us-west-2',
  baseUrl: fake.url,
  ...AWS_TEST_CREDENTIALS,
  originationIdentity: 'pool-0123456789abcdef0123456789abcdef',
  timeoutMs: 1000,
  ...extra,
});

describe('AWS End User Messaging provider (e2e)', () => {
  let primary: FakeAwsSmsVoice;
  let backup: FakeAwsSmsVoice;
  let gateway: Gateway;

  beforeAll(async () => {
    primary = await FakeAwsSmsVoice.start({ region: 'us-west-2' });
    backup = await FakeAwsSmsVoice.start({ region: 'us-west-2' });
    gateway = await startFailoverGateway({
      'eum-a': endUserMessaging(primary, {
        voiceOriginationIdentity: '+15005550006',
        configurationSetName: 'otp-events',
      }),
      'eum-b': endUserMessaging(backup, { timeoutMs: 600 }),
    });
  });

  afterEach(() => expect(takeProblems(primary, backup)).toEqual([]));

  afterAll(() => closeAll(gateway, primary, backup));

  it('should send a transactional SMS and answer SUCCESSFUL with the MessageId', async () => {
    const res = await gateway
      .hook(hookRequest({ otpCode: '480213', msgTemplate: 'Acme code: 480213' }))
      .expect(200);

    expect(primary.calls[0].operation).toBe('SendTextMessage');
    expect(primary.input()).toEqual({
      DestinationPhoneNumber: '+14155552671',
      OriginationIdentity: 'pool-0123456789abcdef0123456789abcdef',
      MessageBody: 'Acme code: 480213',
      MessageType: 'TRANSACTIONAL',
      ConfigurationSetName: 'otp-events',
      Context: { deliveryId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(res.body.commands[0].value[0]).toEqual({
      status: 'SUCCESSFUL',
      provider: 'eum-a',
      transactionId: 'msg-00000001',
      transactionMetadata: expect.stringMatching(
        /^deliveryId=[0-9a-f-]{36}; durationMs=\d+; attempts=eum-a:sent\(\d+ms\)$/,
      ),
    });
  });

  it('should call with text that reads the code digit by digit, twice, in a voice of the locale', async () => {
    const res = await gateway
      .hook(hookRequest({ deliveryChannel: 'voice call', otpCode: '4821', locale: 'fr-FR' }))
      .expect(200);

    expect(primary.calls[0].operation).toBe('SendVoiceMessage');
    expect(primary.input()).toEqual({
      DestinationPhoneNumber: '+14155552671',
      OriginationIdentity: '+15005550006',
      MessageBody:
        'Votre code de vérification est 4, 8, 2, 1. Votre code de vérification est 4, 8, 2, 1.',
      MessageBodyTextType: 'TEXT',
      VoiceId: 'CELINE',
      ConfigurationSetName: 'otp-events',
      Context: { deliveryId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(res.body.commands[0].value[0]).toMatchObject({
      status: 'SUCCESSFUL',
      provider: 'eum-a',
      transactionId: 'msg-00000001',
    });
  });

  it.each([
    ['an SMS', {}],
    ['a call', { deliveryChannel: 'voice call' }],
  ])(
    'should count %s taken without a MessageId as sent, and never fail over',
    async (_n, options) => {
      primary.script(() => ({
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0' },
        body: '{}',
      }));

      await expectSentWithoutVendorId(
        gateway,
        hookRequest(options),
        'eum-a',
        'AWS End User Messaging answered without a MessageId',
        backup.server,
      );
    },
  );

  it('should not fail over when the number opted out, and answer the Okta error object', async () => {
    primary.script(() =>
      smsVoiceError(400, 'ConflictException', {
        Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
        ResourceType: 'opt-out-list',
        ResourceId: 'Default',
      }),
    );

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.server.requests).toHaveLength(0);
    expect(res.body).toEqual({
      error: {
        errorSummary: 'Failed to deliver SMS OTP',
        errorCauses: [
          {
            errorSummary: expect.stringContaining('eum-a:opted-out'),
            reason: expect.stringMatching(
              /^eum-a:opted-out\(\d+ms: AWS End User Messaging says the recipient opted out \(ConflictException, HTTP 400\)\)$/,
            ),
            locationType: 'body',
            location: 'eum-a',
          },
          {
            errorSummary: expect.any(String),
            reason: 'eum-a refused the recipient (opted-out); not failed over',
            locationType: 'body',
            location: 'delivery',
          },
        ],
      },
    });
  });

  it('should not fail over when the number is invalid', async () => {
    primary.script(() =>
      smsVoiceError(400, 'ValidationException', {
        Reason: 'INVALID_PARAMETER',
        Fields: [{ Name: 'DestinationPhoneNumber', Message: 'invalid +14155552671' }],
      }),
    );

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(backup.server.requests).toHaveLength(0);
    expect(res.body.error.errorCauses[0].reason).toContain('eum-a:invalid-recipient');
    expect(JSON.stringify(res.body)).not.toContain('4155552671');
  });

  it.each([
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
  ])('should fail over to the second provider after %s', async (_name, failure, outcome) => {
    primary.script(failure);

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(primary.server.requests).toHaveLength(1);
    expect(backup.input()).toEqual({ ...primary.input(), ConfigurationSetName: undefined });
    const value = res.body.commands[0].value[0];
    expect(value).toMatchObject({ status: 'SUCCESSFUL', provider: 'eum-b' });
    expect(value.transactionMetadata).toMatch(
      new RegExp(`attempts=eum-a:${outcome}\\(\\d+ms: AWS End User Messaging .+\\),eum-b:sent`),
    );
  });

  it('should abort a hanging call at its timeout and answer through the second provider in time', async () => {
    primary.script(() => 'hang');
    const abandonedBefore = primary.server.abandoned;
    const started = Date.now();

    const res = await gateway.hook(hookRequest({ deliveryChannel: 'CALL' })).expect(200);

    expect(Date.now() - started).toBeLessThan(FAILOVER_DEADLINE_MS + 50);
    expect(res.body.commands[0].value[0].provider).toBe('eum-b');
    expect(res.body.commands[0].value[0].transactionMetadata).toMatch(
      /eum-a:timeout\(\d+ms: no answer within 1000 ms, abandoned\)/,
    );
    expect(await abandonedSince(primary.server, abandonedBefore)).toBe(1);
  });
});
