import fc from 'fast-check';
import { eventHookConfig } from './support/event-hook';
import { Gateway, HOOK_SECRET, startGateway } from './support/gateway';
import {
  contentType,
  domainState,
  expectCleanLogs,
  extraHeaders,
  hostileBody,
  HostileRequest,
  method,
  nestedJson,
  sendHostile,
  StatusTally,
} from './support/hostile';
import { EVENT_HOOK_SECRET, eventHookDelivery } from './support/okta-events';

const ROUTE = '/hooks/okta/events';
const SECRETS = [EVENT_HOOK_SECRET, HOOK_SECRET];

/** True for a delivery with at least one event the service would process (a valid request). */
function processable(body: string): boolean {
  try {
    const events = (JSON.parse(body) as { data?: { events?: unknown } } | null)?.data?.events;
    return (
      Array.isArray(events) &&
      events.some(
        (e) =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as Record<string, unknown>).uuid === 'string' &&
          typeof (e as Record<string, unknown>).eventType === 'string',
      )
    );
  } catch {
    return false;
  }
}

/** Deliveries that look like Okta's, with hostile events: nested, wrong types, missing fields. */
const nearDelivery = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.jsonValue(),
        nestedJson(200).map((t) => JSON.parse(t) as unknown),
      ),
    ),
  )
  .map(([events]) => JSON.stringify(eventHookDelivery(events as Record<string, unknown>[])));

const body = fc.oneof(hostileBody, nearDelivery).filter((text) => !processable(text));

const withSecret: fc.Arbitrary<HostileRequest> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      method: fc.constant('POST' as const),
      url: fc.constant(ROUTE),
      headers: fc.tuple(contentType, extraHeaders).map(([type, extra]) => ({
        ...extra,
        ...(type === undefined ? {} : { 'content-type': type }),
      })),
      payload: body,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      method: fc.constant('GET' as const),
      url: fc.constant(ROUTE),
      // Okta's challenge is echoed by design (okta-contract.md §4.1): no planted value in it.
      headers: fc
        .string({ maxLength: 1100 })
        .filter((value) => /^[\x20-\x7e]*$/.test(value))
        .map((challenge) => ({ 'x-okta-verification-challenge': challenge })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      method,
      url: fc.constantFrom(`${ROUTE}/`, `${ROUTE}?x=1`, `${ROUTE}/x`, '/hooks/okta', `${ROUTE}%00`),
      headers: fc.constant({}),
      payload: body,
    }),
  },
);

describe('event hook under hostile requests (e2e, property)', () => {
  let gateway: Gateway;

  beforeAll(async () => {
    gateway = await startGateway(
      eventHookConfig({ providers: { c: { type: 'console' } }, routing: { default: ['c'] } }),
    );
  });

  afterAll(() => gateway.close());

  it('should answer 2,000 hostile requests carrying the secret without a 5xx, a leak or a change', async () => {
    const before = await domainState(gateway);
    const tally = new StatusTally();

    await fc.assert(
      fc.asyncProperty(withSecret, async (request) => {
        const headers = { ...request.headers, authorization: EVENT_HOOK_SECRET };
        tally.add(await sendHostile(gateway, { ...request, headers }, SECRETS));
      }),
      { numRuns: 2000 },
    );

    expect(tally.statuses().every((s) => [200, 400, 404, 413, 415].includes(s))).toBe(true);
    expect(tally.statuses()).toEqual([200, 400, 404, 415]);
    expect(await domainState(gateway)).toEqual(before);
    expectCleanLogs(gateway, SECRETS);
  }, 120_000);

  it('should answer 1,000 hostile requests without the secret with 401 on the route, whatever they carry', async () => {
    const before = await domainState(gateway);
    const secret = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(HOOK_SECRET, `${EVENT_HOOK_SECRET}x`, EVENT_HOOK_SECRET.slice(1), ''),
      fc.string({ maxLength: 60 }).filter((value) => /^[\x21-\x7e]*$/.test(value)),
    );
    const tally = new StatusTally();

    await fc.assert(
      fc.asyncProperty(withSecret, secret, async (request, wrong) => {
        const rest = Object.fromEntries(
          Object.entries(request.headers).filter(([name]) => name !== 'authorization'),
        );
        const headers = wrong === undefined ? rest : { ...rest, authorization: wrong };
        const status = await sendHostile(gateway, { ...request, headers }, SECRETS);
        tally.add(status);
        const onRoute =
          request.url.split('?')[0] === ROUTE && ['GET', 'POST', 'HEAD'].includes(request.method);
        expect(status).toBe(onRoute ? 401 : 404);
      }),
      { numRuns: 1000 },
    );

    expect(tally.statuses()).toEqual([401, 404]);
    expect(await domainState(gateway)).toEqual(before);
    expectCleanLogs(gateway, SECRETS);
  }, 120_000);
});
