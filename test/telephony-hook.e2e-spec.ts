import { FakeTwilio, TWILIO_SID, TWILIO_TOKEN } from './support/fakes/twilio.fake';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';

describe('POST /hooks/okta/telephony (e2e)', () => {
  let twilio: FakeTwilio;
  let gateway: Gateway;

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        server: { port: 0, bodyLimitBytes: 4096 },
        hook: {
          auth: {
            headers: [
              { name: 'authorization', secrets: [HOOK_SECRET, 'next-rotation-secret-abcdef'] },
              { name: 'x-api-client-token', secrets: ['workflows-client-token-123456'] },
            ],
          },
        },
        providers: {
          twilio: {
            type: 'twilio',
            accountSid: TWILIO_SID,
            authToken: TWILIO_TOKEN,
            from: '+15005550006',
            baseUrl: twilio.url,
          },
        },
        routing: { default: ['twilio'] },
        protection: { defaultRegion: 'GB' },
      }),
    );
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
    twilio.server.requests.length = 0;
  });

  afterAll(async () => {
    await gateway.close();
    await twilio.close();
  });

  describe('request variants', () => {
    it.each([
      [
        'phoneNumber and otpCode as JSON numbers',
        { phoneNumber: 447400123456, otpCode: 480213 },
        '+447400123456',
        'sms',
      ],
      [
        'a national number in protection.defaultRegion',
        { phoneNumber: '07400 123456' },
        '+447400123456',
        'sms',
      ],
      ['an international number without +', { phoneNumber: '14155552671' }, '+14155552671', 'sms'],
      ['deliveryChannel "sms" in lower case', { deliveryChannel: 'sms' }, '+14155552671', 'sms'],
      ['deliveryChannel "voice call"', { deliveryChannel: 'voice call' }, '+14155552671', 'voice'],
      ['deliveryChannel "CALL"', { deliveryChannel: 'CALL' }, '+14155552671', 'voice'],
      ['deliveryChannel "Voice"', { deliveryChannel: 'Voice' }, '+14155552671', 'voice'],
      [
        'the legacy eventAction instead of requestType',
        { requestType: null, eventAction: 'com.okta.user.telephony.pre-enrollment' },
        '+14155552671',
        'sms',
      ],
      ['no requestType at all (OpenAPI example)', { requestType: null }, '+14155552671', 'sms'],
    ])('should accept %s', async (_name, options, to, channel) => {
      const res = await gateway.hook(hookRequest(options)).expect(200);

      expect(res.body.commands[0].value[0].status).toBe('SUCCESSFUL');
      expect(twilio.requests[0].url).toBe(
        `/2010-04-01/Accounts/${TWILIO_SID}/${channel === 'sms' ? 'Messages' : 'Calls'}.json`,
      );
      expect(twilio.form().To).toBe(to);
    });

    it('should use the default SMS text with the code when Okta sends no msgTemplate', async () => {
      await gateway.hook(hookRequest({ msgTemplate: null, otpCode: '000123' })).expect(200);

      expect(twilio.form().Body).toBe('Your verification code is 000123');
    });

    it('should ignore fields Okta may add later', async () => {
      const body = hookRequest();
      body.futureField = { nested: true };
      (body.data as Record<string, Record<string, unknown>>).messageProfile.newThing = 'x';

      await gateway.hook(body).expect(200);

      expect(twilio.requests).toHaveLength(1);
    });
  });

  describe('authentication', () => {
    it.each([
      ['the current secret', 'authorization', HOOK_SECRET],
      ['the next secret of a rotation', 'authorization', 'next-rotation-secret-abcdef'],
      ['the Workflows client-token header', 'x-api-client-token', 'workflows-client-token-123456'],
    ])('should accept %s', async (_name, header, secret) => {
      await gateway
        .http()
        .post('/hooks/okta/telephony')
        .set(header, secret)
        .send(hookRequest())
        .expect(200);
    });

    it.each([
      ['no header', undefined],
      ['a wrong secret', 'wrong-secret'],
      ['a secret of another length', `${HOOK_SECRET}x`],
      ['non-ASCII characters', 'sécret-ünïcødé-ß'],
      ['an empty value', ''],
      ['the secret of another header', 'workflows-client-token-123456'],
    ])('should answer 401 with the same body for %s, and send nothing', async (_name, secret) => {
      const req = gateway.http().post('/hooks/okta/telephony');
      if (secret !== undefined) req.set('authorization', secret);

      const res = await req.send(hookRequest()).expect(401);

      expect(res.body).toEqual({
        error: { errorSummary: 'Authentication failed', errorCauses: [] },
      });
      expect(twilio.requests).toHaveLength(0);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a missing data object', {}, 'data'],
      [
        'a missing phone number',
        { data: { messageProfile: { otpCode: '1', deliveryChannel: 'SMS' } } },
        'data.messageProfile.phoneNumber',
      ],
      [
        'a phone number of the wrong type',
        { data: { messageProfile: { phoneNumber: true, otpCode: '1', deliveryChannel: 'SMS' } } },
        'data.messageProfile.phoneNumber',
      ],
      [
        'a missing code',
        { data: { messageProfile: { phoneNumber: '+14155552671', deliveryChannel: 'SMS' } } },
        'data.messageProfile.otpCode',
      ],
      [
        'a code with spaces',
        {
          data: {
            messageProfile: {
              phoneNumber: '+14155552671',
              otpCode: '12 34',
              deliveryChannel: 'SMS',
            },
          },
        },
        'data.messageProfile.otpCode',
      ],
      [
        'a missing channel',
        { data: { messageProfile: { phoneNumber: '+14155552671', otpCode: '1234' } } },
        'data.messageProfile.deliveryChannel',
      ],
      ['data as an array', { data: [] }, 'data'],
    ])(
      'should answer 400 naming the field for %s, and send nothing',
      async (_name, body, location) => {
        const res = await gateway.hook(body).expect(400);

        expect(res.body.error.errorSummary).toBe('The request is not a valid Okta hook request');
        expect(res.body.error.errorCauses).toEqual([
          {
            errorSummary: expect.stringMatching(new RegExp(`^${location.replace(/\./g, '\\.')}: `)),
            reason: expect.any(String),
            locationType: 'body',
            location,
          },
        ]);
        expect(twilio.requests).toHaveLength(0);
      },
    );

    it('should answer 400 for unparseable JSON, saying where it ends', async () => {
      const res = await gateway
        .http()
        .post('/hooks/okta/telephony')
        .set('authorization', HOOK_SECRET)
        .set('content-type', 'application/json')
        .send('{"data": ')
        .expect(400);

      const reason =
        'the body is not valid JSON: the body ends before the JSON does, at line 1, column 10 (byte 9)';
      expect(res.body).toEqual({
        error: {
          errorSummary: 'The request is not a valid Okta hook request',
          errorCauses: [
            { errorSummary: `body: ${reason}`, reason, locationType: 'body', location: 'body' },
          ],
        },
      });
    });

    it('should answer 415 for a body that is not JSON', async () => {
      const res = await gateway
        .http()
        .post('/hooks/okta/telephony')
        .set('authorization', HOOK_SECRET)
        .set('content-type', 'text/plain')
        .send('phoneNumber=1')
        .expect(415);

      expect(res.body.error.errorSummary).toBe('Request body must be application/json');
    });

    it('should answer 413 for a body over server.bodyLimitBytes', async () => {
      const body = hookRequest({ msgTemplate: 'x'.repeat(5000) });

      const res = await gateway.hook(body).expect(413);

      expect(res.body).toEqual({
        error: { errorSummary: 'Request body is too large', errorCauses: [] },
      });
      expect(twilio.requests).toHaveLength(0);
    });

    it('should never echo the phone number or code in an error body', async () => {
      const res = await gateway
        .hook({
          data: {
            messageProfile: {
              phoneNumber: '+14155552671',
              otpCode: '99 99',
              deliveryChannel: 'SMS',
            },
          },
        })
        .expect(400);

      expect(JSON.stringify(res.body)).not.toMatch(/4155552671|99 99/);
    });
  });

  it('should answer 404 in the same error shape for an unknown route', async () => {
    const res = await gateway.http().get('/nope').expect(404);

    expect(res.body).toEqual({ error: { errorSummary: 'Not found', errorCauses: [] } });
  });
});
