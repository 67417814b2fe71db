import { importPKCS8, SignJWT } from 'jose';
import request from 'supertest';
import { FakeServer } from './support/fake-server';
import { FakeOktaManagement } from './support/fakes/okta-management.fake';
import { OKTA_SPEC } from './support/fakes/okta-spec';
import { missingVendorSpec } from './support/openapi';
import { describeOrSkip } from './support/skip';

const TOKEN = 'okta-api-token-for-tests-0123456789';
const MISSING_SPEC = missingVendorSpec(OKTA_SPEC);

/** A telephony hook body with header auth, with `config` merged into its channel config. */
const hookBody = (uri: string, config: Record<string, unknown> = {}) => ({
  name: 'Gateway',
  type: 'com.okta.telephony.provider',
  version: '1.0.0',
  channel: {
    type: 'HTTP',
    version: '1.0.0',
    config: {
      uri,
      method: 'POST',
      headers: [],
      authScheme: { type: 'HEADER', key: 'authorization', value: 'hook-secret' },
      ...config,
    },
  },
});

describeOrSkip(MISSING_SPEC, 'fake Okta Management API (checks the checks)', () => {
  let okta: FakeOktaManagement;
  let hook: FakeServer;
  let hookAnswer: unknown;

  beforeAll(async () => {
    okta = await FakeOktaManagement.start();
    okta.apiTokens.add(TOKEN);
    hook = await FakeServer.start(() => ({ status: 200, body: hookAnswer }));
  });

  afterEach(() => {
    okta.problems.length = 0;
    okta.org.inlineHooks.clear();
    okta.org.eventHooks.clear();
  });

  afterAll(async () => {
    await hook.close();
    await okta.close();
  });

  const api = () => request(okta.url);
  const post = (path: string, body?: object) =>
    api()
      .post(path)
      .set('authorization', `SSWS ${TOKEN}`)
      .set('accept', 'application/json')
      .send(body);

  it('should refuse a request without valid credentials', async () => {
    const res = await api()
      .get('/api/v1/inlineHooks')
      .set('authorization', 'SSWS wrong')
      .set('accept', 'application/json');

    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      errorCode: 'E0000011',
      errorSummary: 'Invalid token provided',
    });
  });

  it('should refuse a misspelt property, also deep in the channel, and keep it as a problem', async () => {
    const res = await post(
      '/api/v1/inlineHooks',
      hookBody(`${hook.url}/h`, {
        authScheme: { type: 'HEADER', key: 'authorization', vaule: 'x' },
      }),
    );

    expect(res.status).toBe(400);
    // Every branch of the channel's oneOf reports; the HTTP branch names the misspelt key.
    expect(okta.problems).toContain(
      'createInlineHook request /channel/config/authScheme must NOT have additional properties',
    );
  });

  it('should resolve the discriminator: private_key_jwt takes a hookKeyId, not a clientSecret', async () => {
    const oauth = (extra: Record<string, unknown>) => ({
      ...hookBody(`${hook.url}/h`),
      channel: {
        type: 'OAUTH',
        version: '1.0.0',
        config: {
          uri: `${hook.url}/h`,
          method: 'POST',
          authType: 'private_key_jwt',
          clientId: 'c',
          tokenUrl: 'https://x/v1/token',
          scope: 's',
          authScheme: null,
          ...extra,
        },
      },
    });

    expect((await post('/api/v1/inlineHooks', oauth({ hookKeyId: 'k' }))).status).toBe(200);
    okta.org.inlineHooks.clear();
    expect((await post('/api/v1/inlineHooks', oauth({ clientSecret: 'secret' }))).status).toBe(400);
    expect(okta.problems.length).toBeGreaterThan(0);
  });

  it('should never return the secret, and validate its own answers', async () => {
    const created = await post('/api/v1/inlineHooks', hookBody(`${hook.url}/h`));

    expect(created.status).toBe(200);
    expect(created.body.channel.config).toEqual({
      uri: `${hook.url}/h`,
      method: 'POST',
      headers: [],
      authScheme: { type: 'HEADER', key: 'authorization' },
    });
    expect(okta.problems).toEqual([]);
  });

  it("should refuse an access token without the operation's scope with Okta's challenge", async () => {
    const app = await okta.oauth.createApp(['okta.inlineHooks.manage']);
    const tokenUrl = `${okta.url}/oauth2/v1/token`;
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(app.clientId)
      .setSubject(app.clientId)
      .setAudience(tokenUrl)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importPKCS8(app.privateKeyPem, 'RS256'));
    const token = await api().post('/oauth2/v1/token').type('form').send({
      grant_type: 'client_credentials',
      scope: 'okta.inlineHooks.manage',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });

    const res = await api()
      .get('/api/v1/eventHooks')
      .set('authorization', `Bearer ${token.body.access_token}`)
      .set('accept', 'application/json');

    expect(token.status).toBe(200);
    expect(res.status).toBe(403);
    expect(res.headers['www-authenticate']).toContain(
      'scope="okta.eventHooks.read", error="insufficient_scope"',
    );
  });

  it("should refuse, on execute, an answer that is not Okta's TelephonyResponse", async () => {
    const created = await post('/api/v1/inlineHooks', hookBody(`${hook.url}/h`));
    hookAnswer = { commands: [{ type: 'com.okta.telephony.action', value: [{ status: 'DONE' }] }] };

    const res = await post(`/api/v1/inlineHooks/${created.body.id}/execute`, {
      eventId: 'e1',
      data: { messageProfile: { phoneNumber: '+14155552671' } },
    });

    expect(res.status).toBe(400);
    expect(res.body.errorCauses).toEqual([
      {
        errorSummary:
          'The inline hook response is not valid: /commands/0/value/0/status must be equal to one of the allowed values',
      },
    ]);
    expect(hook.requests.at(-1)?.headers.authorization).toBe('hook-secret');
  });

  it('should leave an event hook unverified when its endpoint does not echo the challenge', async () => {
    hookAnswer = { verification: 'not the challenge' };
    const created = await post('/api/v1/eventHooks', {
      name: 'Events',
      events: { type: 'EVENT_TYPE', items: ['system.sms.send_phone_verification_message'] },
      channel: {
        type: 'HTTP',
        version: '1.0.0',
        config: {
          uri: `${hook.url}/e`,
          headers: [],
          authScheme: { type: 'HEADER', key: 'authorization', value: 'event-secret' },
        },
      },
    });

    const res = await post(`/api/v1/eventHooks/${created.body.id}/lifecycle/verify`);

    expect(res.status).toBe(400);
    expect(res.body.errorSummary).toBe(
      'Api validation failed: Verification of the event hook failed: the answer does not echo the challenge',
    );
    expect(okta.org.eventHooks.get(String(created.body.id))?.verificationStatus).toBe('UNVERIFIED');
  });
});
