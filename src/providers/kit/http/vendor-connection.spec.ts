import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { OutboundConfig } from './outbound.config';
import { connectionOptions, providerProxy, vendorAgents } from './vendor-connection';

const outbound = (fields: Partial<OutboundConfig>): OutboundConfig =>
  Object.assign(new OutboundConfig(), fields);
const corporate = outbound({
  httpsProxy: 'http://proxy.corp:3128',
  httpProxy: 'http://proxy.corp:3129',
  noProxy: 'localhost,.internal',
});

describe(providerProxy.name, () => {
  it('should use the environment proxies, with NO_PROXY, when the provider names none', () => {
    expect(providerProxy(undefined, corporate)).toEqual({
      httpsProxy: 'http://proxy.corp:3128',
      httpProxy: 'http://proxy.corp:3129',
      noProxy: 'localhost,.internal',
    });
  });

  it("should let the provider's proxyUrl win, for both schemes and whatever NO_PROXY says", () => {
    expect(providerProxy('http://egress.corp:8080', corporate)).toEqual({
      httpsProxy: 'http://egress.corp:8080',
      httpProxy: 'http://egress.corp:8080',
    });
  });

  it('should go straight to the vendor with proxyUrl "" or none, or with no proxy anywhere', () => {
    expect(providerProxy('', corporate)).toBeUndefined();
    expect(providerProxy('none', corporate)).toBeUndefined();
    expect(
      providerProxy(undefined, outbound({ httpsProxy: 'none', noProxy: '*' })),
    ).toBeUndefined();
    expect(providerProxy(undefined, outbound({}))).toBeUndefined();
  });
});

describe(connectionOptions.name, () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'otg-ca-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("should carry the provider's pool, idle timeout, proxy and CA file", () => {
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');

    const sut = connectionOptions({ maxSockets: 8, idleTimeoutMs: 3000, caFile }, corporate);

    expect(sut).toEqual({
      maxSockets: 8,
      idleTimeoutMs: 3000,
      proxy: providerProxy(undefined, corporate),
      ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    });
  });
});

describe(vendorAgents.name, () => {
  it('should size keep-alive pools and give a kept connection the idle timeout', () => {
    const sut = vendorAgents({ maxSockets: 5, idleTimeoutMs: 2500 });
    const kept = new Socket();

    const keep = sut.http.keepSocketAlive(kept) as unknown;

    expect(keep).toBe(true);
    expect(kept.timeout).toBe(2500);
    expect(sut.https.maxSockets).toBe(5);
    // Node keeps the options on the agent; its type does not declare them. No `timeout` option:
    // node:http would arm a timeout listener on every request (closeWhenIdle says why not).
    const options = (sut.http as unknown as { options: Record<string, unknown> }).options;
    expect(options).toMatchObject({ keepAlive: true, proxyEnv: {} });
    expect(options.timeout).toBeUndefined();
    kept.destroy();
    sut.http.destroy();
    sut.https.destroy();
  });
});
