import { acmeSmsProvider, FakeHttpVendor } from './support/fakes/http.fake';
import { AWS_TEST_CREDENTIALS } from './support/fakes/aws.fake';
import { FakeSns } from './support/fakes/sns.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { makeTestCa, TestCa } from './support/test-ca';
import { deadProxyUrl, TestProxy } from './support/test-proxy';

/** The Okta answer's one command value. */
const answer = (body: unknown) =>
  (body as { commands: { value: Record<string, string>[] }[] }).commands[0].value[0];

describe('outbound proxy (e2e)', () => {
  let ca: TestCa;
  let proxy: TestProxy;
  let secure: FakeHttpVendor;
  let plain: FakeHttpVendor;
  let sns: FakeSns;
  let gateway: Gateway | undefined;

  /** The generic `http` provider on Acme, trusting the test CA. */
  const acme = (fake: FakeHttpVendor, extra: Record<string, unknown> = {}) =>
    acmeSmsProvider(fake.url, { caFile: ca.caFile, timeoutMs: 1000, ...extra });
  const start = async (
    providers: Record<string, unknown>,
    env: Record<string, string>,
    routing: Record<string, unknown> = { default: Object.keys(providers) },
  ) => (gateway = await startGateway(testConfig({ providers, routing }), env));
  const hostOf = (url: string) => new URL(url).host;

  beforeAll(async () => {
    ca = makeTestCa();
    proxy = await TestProxy.start();
    [secure, plain, sns] = await Promise.all([
      FakeHttpVendor.start(ca.server),
      FakeHttpVendor.start(),
      FakeSns.start({ region: 'eu-west-1', tls: ca.server }),
    ]);
  });

  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    proxy.log.length = 0;
    expect([...takeProblems(secure, plain), ...sns.problems]).toEqual([]);
    sns.reset();
  });

  afterAll(async () => {
    await Promise.all([proxy.close(), secure.close(), plain.close(), sns.close()]);
    ca.remove();
  });

  it('should reach an HTTPS vendor through HTTPS_PROXY in one CONNECT tunnel, kept alive for the next OTP', async () => {
    const gw = await start({ acme: acme(secure) }, { HTTPS_PROXY: proxy.url });

    const first = await gw.hook(hookRequest()).expect(200);
    const second = await gw.hook(hookRequest()).expect(200);

    expect([answer(first.body).transactionId, answer(second.body).transactionId]).toEqual([
      'acme-sms-1',
      'acme-sms-2',
    ]);
    expect(proxy.log).toEqual([`CONNECT ${hostOf(secure.url)}`]);
    expect(secure.requests.map((r) => r.connection)).toEqual([1, 1]);
  });

  it('should send to a plain HTTP vendor through http_proxy as an absolute-form request', async () => {
    const gw = await start({ acme: acme(plain) }, { http_proxy: proxy.url });

    const res = await gw.hook(hookRequest()).expect(200);

    expect(answer(res.body)).toMatchObject({ status: 'SUCCESSFUL', transactionId: 'acme-sms-1' });
    expect(proxy.log).toEqual([`POST ${plain.url}/v2/sms`]);
  });

  it('should go straight to a vendor whose host is in NO_PROXY', async () => {
    const env = { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' };
    const gw = await start({ acme: acme(secure) }, env);

    const res = await gw.hook(hookRequest()).expect(200);

    expect(answer(res.body)).toMatchObject({ status: 'SUCCESSFUL', transactionId: 'acme-sms-1' });
    expect(proxy.log).toEqual([]);
  });

  it("should let a provider's proxyUrl win over the environment, and proxyUrl none go direct", async () => {
    const env = { HTTPS_PROXY: await deadProxyUrl(), NO_PROXY: '127.0.0.1' };
    const providers = {
      'own-proxy': acme(secure, { proxyUrl: proxy.url }),
      direct: acme(secure, { proxyUrl: 'none' }),
    };
    const rules = [{ match: { countries: ['GB'] }, providers: ['direct'] }];
    const gw = await start(providers, env, { default: ['own-proxy'], rules });

    const viaProxy = await gw.hook(hookRequest()).expect(200);
    const direct = await gw.hook(hookRequest({ phoneNumber: '+447400123456' })).expect(200);

    expect(answer(viaProxy.body)).toMatchObject({ status: 'SUCCESSFUL', provider: 'own-proxy' });
    expect(answer(direct.body)).toMatchObject({ status: 'SUCCESSFUL', provider: 'direct' });
    expect(proxy.log).toEqual([`CONNECT ${hostOf(secure.url)}`]);
    expect(secure.requests).toHaveLength(2);
  });

  it('should fail over when the proxy cannot be reached, naming the proxy as the cause', async () => {
    const dead = await deadProxyUrl();
    const providers = {
      'via-proxy': acme(secure),
      direct: acme(secure, { proxyUrl: '' }),
    };
    const rules = [{ match: { countries: ['GB'] }, providers: ['via-proxy'] }];
    const gw = await start(
      providers,
      { HTTPS_PROXY: dead },
      { default: ['via-proxy', 'direct'], rules },
    );
    const cause = `proxy ${hostOf(dead)} unreachable \\(ECONNREFUSED\\)`;

    const failedOver = await gw.hook(hookRequest()).expect(200);
    const alone = await gw.hook(hookRequest({ phoneNumber: '+447400123456' })).expect(200);

    expect(answer(failedOver.body)).toMatchObject({ status: 'SUCCESSFUL', provider: 'direct' });
    expect(answer(failedOver.body).transactionMetadata).toMatch(
      new RegExp(`attempts=via-proxy:transient\\(\\d+ms: ${cause}\\),direct:sent\\(\\d+ms\\)$`),
    );
    expect(alone.body.error.errorCauses[0].reason).toMatch(
      new RegExp(`^transient after \\d+ ms: ${cause}$`),
    );
    expect(secure.requests).toHaveLength(1);
  });

  it('should call Amazon SNS through the proxy too, with the SigV4 signature intact', async () => {
    const gw = await start(
      {
        sns: {
          type: 'sns',
          region: 'eu-west-1',
          baseUrl: sns.url,
          caFile: ca.caFile,
          ...AWS_TEST_CREDENTIALS,
          timeoutMs: 1000,
        },
      },
      { HTTPS_PROXY: proxy.url },
    );

    const res = await gw.hook(hookRequest()).expect(200);

    expect(answer(res.body)).toMatchObject({
      status: 'SUCCESSFUL',
      transactionId: '00000000-0000-4000-8000-000000000001',
    });
    expect(sns.input()).toMatchObject({ PhoneNumber: '+14155552671' });
    expect(proxy.log).toEqual([`CONNECT ${hostOf(sns.url)}`]);
  });

  it('should refuse to start with a malformed proxy or an unreadable CA file, quoting neither', async () => {
    const env = { HTTPS_PROXY: 'ftp://user:hunter2@proxy.corp' };
    const broken = { ...acme(secure), caFile: '/nonexistent/hunter3.pem' };

    const error = await start({ acme: broken }, env).catch((e: unknown) => e);

    expect(String(error)).toContain(
      'outbound.httpsProxy: must be an http:// or https:// proxy URL, or none',
    );
    expect(String(error)).toContain(
      'providers.acme.caFile: must be a readable file of PEM certificates',
    );
    expect(String(error)).not.toMatch(/hunter/);
  });
});
