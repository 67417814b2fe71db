import { CryptoKey, exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { FakeServer } from './support/fake-server';
import { FakeTwilio, twilioProvider, twilioStatusCallback } from './support/fakes/twilio.fake';
import { EVENT_HOOK_SECRET } from './support/okta-events';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';

const AUDIENCE = 'api://default';
const SCOPE = 'okta.telephony.send';
const HOOK = 'POST /hooks/okta/telephony';

describe('refused requests are logged with their reason (e2e)', () => {
  let authServer: FakeServer;
  let twilio: FakeTwilio;
  let gateway: Gateway;
  let signing: CryptoKey;
  let jwk: JWK;
  let issuer: string;
  let from = 0;

  const token = (claims: Record<string, unknown> = {}, kid = 'key-1', expiresIn = '5m') =>
    new SignJWT({ scp: [SCOPE], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer((claims.iss as string | undefined) ?? issuer)
      .setAudience((claims.aud as string | undefined) ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(signing);
  const hook = (headers: Record<string, string>) =>
    gateway.http().post('/hooks/okta/telephony').set(headers).send(hookRequest()).expect(401);
  /** The refusal lines written since the previous call. */
  const refusals = () => {
    const lines = gateway.logs.entries().slice(from);
    from = gateway.logs.entries().length;
    return lines
      .filter((e) => e.level === 'warn' || e.level === 40)
      .map(({ msg, reason, route, clientIp, count, headerNames }) => ({
        msg,
        reason,
        route,
        clientIp,
        count,
        ...(headerNames ? { headerNames } : {}),
      }));
  };
  const line = (reason: string, route = HOOK, extra: Record<string, unknown> = {}) => ({
    msg: `request refused: ${reason}`,
    reason,
    route,
    clientIp: '127.0.0.1',
    count: 1,
    ...extra,
  });

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signing = pair.privateKey;
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    authServer = await FakeServer.start((req) =>
      req.url === '/oauth2/default/v1/keys'
        ? { status: 200, body: { keys: [jwk] } }
        : { status: 404, body: {} },
    );
    issuer = `${authServer.url}/oauth2/default`;
    twilio = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        server: { port: 0, publicUrl: 'https://otp.example.com' },
        hook: {
          auth: {
            headers: [{ name: 'x-hook-secret', secrets: [HOOK_SECRET] }],
            oauth: { issuer, jwksUri: `${issuer}/v1/keys`, audience: AUDIENCE, scopes: [SCOPE] },
          },
        },
        events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] } },
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
      }),
    );
  });

  afterAll(async () => {
    await gateway.close();
    await twilio.close();
    await authServer.close();
  });

  beforeEach(() => refusals());

  it.each<[string, Record<string, string>]>([
    ['no credential', {}],
    ['unknown header name', { 'x-okta-secret-typo': HOOK_SECRET, 'x-hook-token': 'a' }],
    ['wrong secret', { 'x-hook-secret': 'not-the-secret' }],
    ['malformed Bearer', { authorization: 'Bearer two words' }],
  ])('should log "%s" once, with the route and client IP', async (reason, headers) => {
    await hook(headers);

    const extra =
      reason === 'unknown header name'
        ? { headerNames: ['x-okta-secret-typo', 'x-hook-token'] }
        : {};
    expect(refusals()).toEqual([line(reason, HOOK, extra)]);
  });

  it.each([
    ['token expired', () => token({}, 'key-1', '-1m')],
    ['wrong audience', () => token({ aud: 'api://other' })],
    ['wrong issuer', () => token({ iss: 'https://other.example.com/oauth2/default' })],
    ['missing scope', () => token({ scp: ['okta.users.read'] })],
    ['unknown kid', () => token({}, 'key-2')],
  ])('should log "%s" for a Bearer token, never the token', async (reason, make) => {
    const jwt = await make();
    await hook({ authorization: `Bearer ${jwt}` });

    expect(refusals()).toEqual([line(reason)]);
    expect(gateway.logs.lines.join('\n')).not.toContain(jwt.split('.')[2]);
  });

  it('should log a wrong event-hook secret without the secret', async () => {
    await gateway
      .http()
      .post('/hooks/okta/events')
      .set('authorization', 'wrong-event-secret')
      .send({})
      .expect(401);

    expect(refusals()).toEqual([line('wrong secret', 'POST /hooks/okta/events')]);
    expect(gateway.logs.lines.join('\n')).not.toContain('wrong-event-secret');
  });

  it('should log a vendor callback whose signature is wrong', async () => {
    const signed = twilioStatusCallback(
      'https://otp.example.com/callbacks/tw/status',
      { MessageSid: 'SM1', MessageStatus: 'delivered' },
      'not-the-auth-token',
    );
    await gateway
      .http()
      .post('/callbacks/tw/status')
      .set(signed.headers)
      .send(signed.body)
      .expect(403);

    expect(refusals()).toEqual([line('wrong signature', 'POST /callbacks/tw/status')]);
  });
});

describe('refusals from a JWKS that cannot be reached (e2e)', () => {
  it('should log "JWKS unreachable"', async () => {
    const down = await FakeServer.start(() => ({ status: 503, body: {} }));
    const gateway = await startGateway(
      testConfig({
        hook: { auth: { oauth: { issuer: `${down.url}/oauth2/default`, audience: AUDIENCE } } },
        providers: { c: { type: 'console' } },
        routing: { default: ['c'] },
      }),
    );
    try {
      await gateway
        .http()
        .post('/hooks/okta/telephony')
        .set('authorization', 'Bearer a.b.c')
        .send(hookRequest())
        .expect(401);
      expect(gateway.logs.entries().filter((e) => e.reason)).toMatchObject([
        { reason: 'JWKS unreachable', msg: 'request refused: JWKS unreachable' },
      ]);
    } finally {
      await gateway.close();
      await down.close();
    }
  });
});
