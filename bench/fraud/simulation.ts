import { SimClock, SimGateway } from './gateway-driver';
import { replay } from './replay';
import { report, RunReport } from './report';
import { Scale, scenario, WAVES } from './scenario';

/** Monday 23 November 2026, 00:00 UTC: where simulated time starts. */
const START = Date.UTC(2026, 10, 23);

/** One seeded run against a fresh gateway with this protection section. */
export async function simulate(
  seed: number,
  scale: Scale,
  protection: Record<string, unknown>,
): Promise<{ report: RunReport; gateway: SimGateway }> {
  const requests = scenario(seed, scale);
  const clock = new SimClock(START);
  const gateway = new SimGateway(protection);
  await gateway.start(clock);
  try {
    const outcomes = await replay(requests, gateway, clock, seed);
    return { report: report(seed, WAVES, outcomes), gateway };
  } catch (error) {
    await gateway.close();
    throw error;
  }
}
