import { GatewayLink } from './fakes/gateway-link';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './gateway';
import { ContractFake, Role, VendorContract, VendorUnderTest } from './vendor-contract.types';
import { FAILOVER_DEADLINE_MS } from './vendor-e2e';

/** Where vendors are told the gateway is, when a contract asks for a public URL. */
export const PUBLIC_URL = 'https://otp.example.test';
/** These tests fail the primary on purpose many times; breakers are tested on their own. */
const NO_BREAKER = { consecutiveFailures: 1000, cooldownMs: 100 };

/** Starts the fakes and the gateway before the tests, and hands them out as they are. */
export function startVendor<F extends ContractFake>(
  contract: VendorContract<F>,
): VendorUnderTest<F> {
  const link = new GatewayLink(PUBLIC_URL);
  const started: Partial<VendorUnderTest<F>> = { link };
  beforeAll(async () => {
    const [primary, backup] = await Promise.all([
      contract.start(link, 'primary'),
      contract.start(link, 'backup'),
    ]);
    const [first, second] = contract.ids;
    const setup = contract.gateway ?? {};
    const block = (fake: F, role: Role) => ({
      circuitBreaker: NO_BREAKER,
      ...contract.provider(fake, role),
    });
    const gateway = await startGateway(
      testConfig({
        ...setup.sections,
        server: { port: 0, ...(setup.publicUrl ? { publicUrl: PUBLIC_URL } : {}) },
        hook: {
          deadlineMs: FAILOVER_DEADLINE_MS,
          auth: { headers: [{ name: 'authorization', secrets: [HOOK_SECRET] }] },
        },
        providers: {
          [first]: block(primary, 'primary'),
          [second]: block(backup, 'backup'),
          ...setup.providers?.(primary, backup),
        },
        routing: { default: [first, second], ...setup.routing },
      }),
      setup.env,
    );
    link.connect(gateway.url);
    Object.assign(started, { primary, backup, gateway });
  });
  return {
    link,
    get primary(): F {
      return started.primary!;
    },
    get backup(): F {
      return started.backup!;
    },
    get gateway(): Gateway {
      return started.gateway!;
    },
  };
}
