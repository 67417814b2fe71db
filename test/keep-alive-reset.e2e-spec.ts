import { acmeSmsProvider, FakeHttpVendor } from './support/fakes/http.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { closeAll } from './support/vendor-e2e';

/**
 * Issue 23: under load, a vendor closed an idle keep-alive connection just as the gateway
 * reused it, and with a single provider the OTP ended as "every provider failed".
 */
describe('a vendor closing a reused keep-alive connection (e2e)', () => {
  let vendor: FakeHttpVendor;
  let gateway: Gateway;

  beforeAll(async () => {
    vendor = await FakeHttpVendor.start();
    gateway = await startGateway(
      testConfig({
        providers: {
          acme: acmeSmsProvider(vendor.url, { maxSockets: 1 }),
        },
        routing: { default: ['acme'] },
      }),
    );
  });

  afterAll(() => closeAll(gateway, vendor));

  it('should send the OTP again on a new connection and answer SUCCESSFUL with the one provider', async () => {
    await gateway.hook(hookRequest()).expect(200);
    vendor.server.closeReusedConnections = true;

    const res = await gateway.hook(hookRequest()).expect(200);

    expect(res.body.commands[0].value[0]).toMatchObject({
      status: 'SUCCESSFUL',
      provider: 'acme',
      transactionId: 'acme-sms-2',
    });
    expect(vendor.requests.map((r) => r.connection)).toEqual([1, 1, 2]);
    expect(takeProblems(vendor)).toEqual([]);
  });
});
