import { FakeServer } from './fake-server';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './gateway';

/** Hook deadline of the failover specs: a 1000 ms attempt plus a second provider fit in it. */
export const FAILOVER_DEADLINE_MS = 1500;

/** A gateway that tries `providers` in the order given, within {@link FAILOVER_DEADLINE_MS}. */
export function startFailoverGateway(providers: Record<string, unknown>): Promise<Gateway> {
  return startGateway(
    testConfig({
      hook: {
        deadlineMs: FAILOVER_DEADLINE_MS,
        auth: { headers: [{ name: 'authorization', secrets: [HOOK_SECRET] }] },
      },
      providers,
      routing: { default: Object.keys(providers) },
    }),
  );
}

/**
 * How many more requests the fake saw abandoned (connection closed before an answer) than
 * `before`, once the first one is seen or after about a second: an event awaited, not a time.
 */
export async function abandonedSince(server: FakeServer, before: number): Promise<number> {
  for (let i = 0; i < 100 && server.abandoned === before; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  return server.abandoned - before;
}
