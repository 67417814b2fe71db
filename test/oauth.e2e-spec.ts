import { CryptoKey, exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { FakeServer } from './support/fake-server';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';

const AUDIENCE = 'api://default';
const SCOPE = 'okta.telephony.send';

describe('OAuth 2.0 inline hook authentication (e2e)', () => {
  let authServer: FakeServer;
  let gateway: Gateway;
  let signing: CryptoKey;
  let stranger: CryptoKey;
  let jwk: JWK;
  let issuer: string;

  const keyRequests = () => authServer.requests.filter((r) => r.url.endsWith('/v1/keys')).length;

  function token(
    claims: Record<string, unknown> = {},
    options: { key?: CryptoKey; kid?: string; expiresIn?: string } = {},
  ) {
    return new SignJWT({ scp: [SCOPE], cid: '0oaHookClient', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1' })
      .setIssuer((claims.iss as string | undefined) ?? issuer)
      .setAudience((claims.aud as string | undefined) ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? signing);
  }

  const send = (authorization: string) =>
    gateway
      .http()
      .post('/hooks/okta/telephony')
      .set('authorization', authorization)
      .send(hookRequest());

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signing = pair.privateKey;
    ({ privateKey: stranger } = await generateKeyPair('RS256'));
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    authServer = await FakeServer.start((req) => {
      if (req.url === '/oauth2/default/.well-known/openid-configuration') {
        return { status: 200, body: { issuer, jwks_uri: `${issuer}/v1/keys` } };
      }
      if (req.url === '/oauth2/default/v1/keys') return { status: 200, body: { keys: [jwk] } };
      return { status: 404, body: {} };
    });
    issuer = `${authServer.url}/oauth2/default`;
    gateway = await startGateway(
      testConfig({
        hook: {
          auth: {
            headers: [{ name: 'x-hook-secret', secrets: [HOOK_SECRET] }],
            oauth: { issuer, audience: AUDIENCE, scopes: [SCOPE], clockToleranceSeconds: 5 },
          },
        },
        providers: { c: { type: 'console' } },
        routing: { default: ['c'] },
      }),
    );
  });

  afterAll(async () => {
    await gateway.close();
    await authServer.close();
  });

  it('should accept a valid access token, discovering the keys from the issuer', async () => {
    const res = await send(`Bearer ${await token()}`).expect(200);

    expect(res.body.commands[0].value[0].status).toBe('SUCCESSFUL');
    expect(authServer.requests.map((r) => r.url).slice(0, 2)).toEqual([
      '/oauth2/default/.well-known/openid-configuration',
      '/oauth2/default/v1/keys',
    ]);
  });

  it('should accept a scope list given as a space-separated string', async () => {
    await send(`Bearer ${await token({ scp: `openid ${SCOPE}` })}`).expect(200);
  });

  it('should still accept the header secret when OAuth is configured too', async () => {
    await gateway
      .http()
      .post('/hooks/okta/telephony')
      .set('x-hook-secret', HOOK_SECRET)
      .send(hookRequest())
      .expect(200);
  });

  it.each([
    ['an expired token', () => token({}, { expiresIn: '-1m' })],
    ['a wrong audience', () => token({ aud: 'api://other' })],
    ['a wrong issuer', () => token({ iss: 'https://evil.example.com/oauth2/default' })],
    ['a missing scope', () => token({ scp: ['openid'] })],
    ['a key the issuer does not publish', () => token({}, { key: stranger, kid: 'key-2' })],
    ['a known kid signed by another key', () => token({}, { key: stranger })],
    [
      'alg none',
      () =>
        unsigned({
          iss: issuer,
          aud: AUDIENCE,
          scp: [SCOPE],
          exp: Math.floor(Date.now() / 1000) + 300,
        }),
    ],
    ['a tampered payload', async () => tamper(await token())],
    ['garbage', () => Promise.resolve('not.a.jwt')],
  ])('should answer 401 for %s', async (_name, make) => {
    const res = await send(`Bearer ${await make()}`).expect(401);

    expect(res.body).toEqual({ error: { errorSummary: 'Authentication failed', errorCauses: [] } });
  });

  it('should check the token before the body: 401 for a forged one whatever the body, 400 for a valid one with malformed JSON', async () => {
    const post = async (authorization: string) =>
      gateway
        .http()
        .post('/hooks/okta/telephony')
        .set('authorization', authorization)
        .set('content-type', 'application/json')
        .send('{"data": ');

    const forged = await post(`Bearer ${await token({}, { key: stranger })}`);
    const valid = await post(`Bearer ${await token()}`);

    expect([forged.status, forged.body]).toEqual([
      401,
      { error: { errorSummary: 'Authentication failed', errorCauses: [] } },
    ]);
    expect(valid.status).toBe(400);
  });

  it('should not hammer the issuer when tokens name unknown keys', async () => {
    const before = keyRequests();

    for (let i = 0; i < 10; i++)
      await send(`Bearer ${await token({}, { key: stranger, kid: `flood-${i}` })}`).expect(401);

    expect(keyRequests() - before).toBeLessThanOrEqual(1);
  });

  it('should never log the token', async () => {
    const jwt = await token();
    await send(`Bearer ${jwt}`).expect(200);

    expect(gateway.logs.lines.join('\n')).not.toContain(jwt.split('.')[2]);
  });
});

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function unsigned(payload: Record<string, unknown>): Promise<string> {
  return Promise.resolve(`${base64url({ alg: 'none', kid: 'key-1' })}.${base64url(payload)}.`);
}

function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  return `${header}.${base64url({ ...claims, scp: ['okta.telephony.send', 'admin'] })}.${signature}`;
}
