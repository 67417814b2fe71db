import request from 'supertest';
import { CliGateway, lines, OAUTH_ONLY, otg, startCliGateway, tempConfig } from './support/cli';
import { FakeResponse, FakeServer } from './support/fake-server';
import { OKTA_SPEC, oktaSchema } from './support/fakes/okta-spec';
import { HOOK_SECRET, testConfig } from './support/gateway';
import { hasVendorSpec } from './support/openapi';

// Each `otg` run is a new Node process: about a second, several on a loaded machine.
jest.setTimeout(60_000);

const ADMIN_TOKEN = 'admin-token-for-cli-tests-0123456';
const TO = '+14155552671';
const SUCCESS = {
  commands: [
    {
      type: 'com.okta.telephony.action',
      value: [
        { status: 'SUCCESSFUL', provider: 'fake', transactionId: 'tx-1', transactionMetadata: 'm' },
      ],
    },
  ],
};

describe('otg send and otg deliveries get (e2e)', () => {
  let gateway: CliGateway;
  let fake: FakeServer;
  let answer: FakeResponse;

  beforeAll(async () => {
    gateway = await startCliGateway(
      testConfig({
        providers: { console: { type: 'console' } },
        routing: { default: ['console'] },
        admin: { tokens: [ADMIN_TOKEN] },
      }),
    );
    fake = await FakeServer.start(() => answer);
  });

  beforeEach(() => {
    answer = { status: 200, body: SUCCESS };
    fake.requests.length = 0;
  });

  afterAll(async () => {
    await fake.close();
    await gateway.close();
  });

  const send = (url: string, ...extra: string[]) =>
    otg(['send', '--to', TO, '--url', url, '--config', gateway.configFile, ...extra]);

  it('should send through a running gateway, print what Okta gets, and find the delivery by its transaction id', async () => {
    const run = await send(gateway.url, '--json');

    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const value = out.answer.body.commands[0].value[0];
    expect(out.request).toEqual({
      url: `${gateway.url}/hooks/okta/telephony`,
      channel: 'sms',
      to: '+1********71',
      eventId: expect.stringMatching(/^[\w-]{22}$/),
      shape: 'sign-in',
    });
    expect(out.answer.httpStatus).toBe(200);
    expect(out.okta).toEqual({
      outcome: 'sent',
      summary: 'Okta accepts it: the code was sent.',
      ...value,
    });
    expect(run.stdout).not.toContain('4155552671');

    const record = await request(gateway.url)
      .get(`/deliveries/${value.transactionId}`)
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    const json = await otg(
      ['deliveries', 'get', value.transactionId, '--url', gateway.url, '--json'],
      { OTG_ADMIN_TOKEN: ADMIN_TOKEN },
    );
    const text = await otg([
      'deliveries',
      'get',
      value.transactionId,
      '--url',
      gateway.url,
      '--config',
      gateway.configFile,
    ]);

    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(record.body);
    expect(text.code).toBe(0);
    expect(lines(text.stdout).slice(0, 4)).toEqual([
      `  transactionId  ${value.transactionId}`,
      '  status         queued (Okta was answered: sent)',
      '  channel        sms to +1********71',
      '  provider       console',
    ]);
    expect(lines(text.stdout)).toContainEqual(
      expect.stringMatching(/^ {2}attempt console: sent in \d+ ms$/),
    );
  });

  it("should send Okta's documented request with the hook secret, a fresh eventId and a random code it never prints", async () => {
    const first = await send(fake.url);
    const second = await send(fake.url);

    expect([first.code, second.code]).toEqual([0, 0]);
    type Sent = { eventId: string; data: { messageProfile: { otpCode: string } } };
    const [a, b] = fake.requests.map((r) => JSON.parse(r.body) as Sent);
    expect(fake.requests[0].headers.authorization).toBe(HOOK_SECRET);
    expect(fake.requests[0].headers['content-type']).toBe('application/json');
    if (hasVendorSpec(OKTA_SPEC))
      expect(oktaSchema('TelephonyRequestExecute', 'request')(a)).toEqual([]);
    expect(a).toMatchObject({
      eventType: 'com.okta.telephony.provider',
      eventTypeVersion: '1.0',
      contentType: 'application/json',
      cloudEventVersion: '0.1',
      requestType: 'com.okta.user.telephony.mfa-verification',
      data: {
        context: {
          request: { method: 'POST', url: { value: '/idp/idx/challenge' }, ipAddress: '127.0.0.1' },
        },
        messageProfile: {
          phoneNumber: TO,
          deliveryChannel: 'SMS',
          locale: 'EN-US',
          msgTemplate: `Your code is ${a.data.messageProfile.otpCode}`,
        },
      },
    });
    expect(a.data.messageProfile.otpCode).toMatch(/^\d{6}$/);
    expect(a.eventId).not.toBe(b.eventId);
    expect(lines(first.stdout)).toEqual([
      `→ POST ${fake.url}/hooks/okta/telephony`,
      `  sign-in request · sms to +1********71 · eventId ${a.eventId}`,
      expect.stringMatching(/^← HTTP 200 in \d+ ms$/),
      '  status         SUCCESSFUL',
      '  provider       fake',
      '  transactionId  tx-1',
      '  metadata       m',
      '✔ Okta accepts it: the code was sent.',
    ]);
    for (const run of [first, second]) expect(run.stdout).not.toContain(TO.slice(1));
    expect(first.stdout).not.toContain(a.data.messageProfile.otpCode);
  });

  it("should send the Preview tab's request for a voice call with --preview", async () => {
    const run = await send(fake.url, '--channel', 'voice', '--preview');

    expect(run.code).toBe(0);
    const body = JSON.parse(fake.requests[0].body);
    expect(body.requestType).toBe('com.okta.user.telephony.pre-enrollment');
    expect(body.data.context.request.url.value).toBe(
      '/api/internal/v1/inlineHooks/com.okta.telephony.provider/generatePreview',
    );
    expect(body.data.userProfile).toEqual({
      firstName: 'test',
      lastName: 'user',
      login: 'test.user@okta.com',
      userId: '00uyxxSknGtK8022w0g3',
    });
    expect(body.data.messageProfile).toEqual({
      phoneNumber: TO,
      otpExpires: expect.any(String),
      deliveryChannel: 'Voice',
      otpCode: expect.stringMatching(/^\d{6}$/),
      locale: 'EN-US',
    });
  });

  it('should say what Okta does with a refusal, an error object and a late answer, and exit 1', async () => {
    answer = {
      status: 401,
      body: { error: { errorSummary: 'Authentication failed', errorCauses: [] } },
    };
    const refused = await send(fake.url);
    answer = {
      status: 200,
      body: {
        error: {
          errorSummary: 'No provider could send the message',
          errorCauses: [
            {
              errorSummary: 'twilio-main: transient',
              reason: 'transient',
              locationType: 'body',
              location: 'data',
            },
          ],
        },
      },
    };
    const failed = await send(fake.url);
    answer = { status: 200, body: SUCCESS, delayMs: 3200 };
    const late = await send(fake.url);

    expect([refused.code, failed.code, late.code]).toEqual([1, 1, 1]);
    expect(lines(refused.stdout).slice(2)).toEqual([
      expect.stringMatching(/^← HTTP 401 in \d+ ms$/),
      '✖ HTTP 401: the gateway refused the hook credentials; Okta would send the code through its own providers.',
    ]);
    expect(lines(failed.stdout).slice(3)).toEqual([
      '  error  No provider could send the message',
      '  cause  twilio-main: transient',
      '✖ Error object: Okta would retry through its own providers.',
    ]);
    expect(lines(late.stdout).at(-1)).toBe(
      '✖ Too slow (over 3000 ms): Okta would have given up and sent the code itself.',
    );
  });

  it('should explain an unreachable gateway, an OAuth-only hook and a malformed number', async () => {
    const closed = await FakeServer.start(() => answer);
    const port = new URL(closed.url).port;
    await closed.close();
    const oauthOnly = tempConfig(OAUTH_ONLY);
    try {
      const unreachable = await send(`http://127.0.0.1:${port}`);
      const onlyOauth = await otg(['send', '--to', TO, '--config', oauthOnly.file]);
      const malformed = await otg(['send', '--to', '4155552671', '--config', gateway.configFile]);
      const missing = await otg(['send']);

      expect(unreachable.code).toBe(1);
      expect(lines(unreachable.stderr)).toEqual([
        `✖ Cannot reach the gateway at http://127.0.0.1:${port}: connection refused. Is it running there?`,
      ]);
      expect(onlyOauth.code).toBe(2);
      expect(lines(onlyOauth.stderr)).toEqual([
        '✖ hook.auth has no header secret, only OAuth (tokens from https://acme.okta.com/oauth2/default): otg cannot obtain the access token Okta would send.',
        '  Use `otg okta preview`, which makes Okta call the hook with its own token, or add a header secret to hook.auth.headers while testing (the gateway accepts either).',
      ]);
      expect(malformed.code).toBe(2);
      expect(lines(malformed.stderr)).toEqual([
        '✖ --to must be a phone number in E.164 form: + then country code and number.',
        '  For example --to +15551234567.',
      ]);
      expect(malformed.stderr).not.toContain('4155552671');
      expect(missing.code).toBe(2);
      expect(lines(missing.stderr)).toEqual([
        "error: required option '--to <phone>' not specified",
      ]);
    } finally {
      oauthOnly.remove();
    }
  });

  it('should explain an unknown delivery and a refused admin token', async () => {
    const get = (token: string) =>
      otg(['deliveries', 'get', 'nope-123', '--url', gateway.url, '--token', token]);
    const unknown = await get(ADMIN_TOKEN);
    const refused = await get('wrong-admin-token-0123456789');

    expect(unknown.code).toBe(1);
    expect(lines(unknown.stderr)).toEqual([
      '✖ No delivery nope-123 (unknown, or expired from the store).',
    ]);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([
      '✖ The gateway refused the admin token (401).',
      '  Give one of its admin.tokens with --token or OTG_ADMIN_TOKEN.',
    ]);
    expect(refused.stderr).not.toContain('wrong-admin-token');
  });
});
