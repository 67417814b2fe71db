import fc from 'fast-check';
import { ADMIN_TOKEN, eventHookConfig, OktaAndSupport } from './support/event-hook';
import { Gateway, HOOK_SECRET } from './support/gateway';
import { startGateway } from './support/gateway';
import {
  contentType,
  domainState,
  expectCleanLogs,
  extraHeaders,
  hostileBody,
  HostileRequest,
  method,
  pathSegment,
  sendHostile,
  StatusTally,
} from './support/hostile';
import { hookRequest } from './support/okta';
import { EVENT_HOOK_SECRET } from './support/okta-events';

const SECRETS = [ADMIN_TOKEN, HOOK_SECRET, EVENT_HOOK_SECRET];

/** Any method, headers and body on a path the generator gives. */
const requestTo = (path: fc.Arbitrary<string>): fc.Arbitrary<HostileRequest> =>
  fc.record({
    method,
    url: fc
      .tuple(path, fc.constantFrom('', '?x=1', `?token=${'t'.repeat(20)}`, '?%ZZ'))
      .map(([p, query]) => p + query),
    headers: fc
      .tuple(contentType, extraHeaders)
      .map(([type, extra]) => (type === undefined ? extra : { ...extra, 'content-type': type })),
    payload: fc.option(hostileBody, { nil: undefined }),
  });

/** /deliveries, the health probes and /metrics: thousands of hostile requests each. */
describe('support and cluster routes under hostile requests (e2e, property)', () => {
  let gateway: Gateway;
  let okta: OktaAndSupport;
  let transactionId: string;

  beforeAll(async () => {
    gateway = await startGateway(
      eventHookConfig({ providers: { c: { type: 'console' } }, routing: { default: ['c'] } }),
    );
    okta = new OktaAndSupport(gateway);
    transactionId = await okta.deliver(hookRequest());
  });

  afterAll(() => gateway.close());

  it('should answer 2,000 hostile record lookups with a 4xx, showing and changing no record', async () => {
    const record = await okta.record(transactionId);
    const before = await domainState(gateway);
    const tally = new StatusTally();
    const token = fc.constantFrom(
      undefined,
      `Bearer ${ADMIN_TOKEN}`,
      `bearer ${ADMIN_TOKEN}x`,
      ADMIN_TOKEN,
      'Bearer ',
      `Basic ${ADMIN_TOKEN}`,
    );

    await fc.assert(
      fc.asyncProperty(
        requestTo(pathSegment.map((id) => `/deliveries/${id}`)),
        token,
        async (request, auth) => {
          const headers =
            auth === undefined ? request.headers : { ...request.headers, authorization: auth };
          tally.add(await sendHostile(gateway, { ...request, headers }, SECRETS));
        },
      ),
      { numRuns: 2000 },
    );

    expect(tally.statuses().every((s) => [400, 401, 404, 413, 414, 415].includes(s))).toBe(true);
    expect(tally.statuses()).toEqual(expect.arrayContaining([401, 404, 414]));
    expect(await okta.record(transactionId)).toEqual(record);
    expect(await domainState(gateway)).toEqual(before);
    expectCleanLogs(gateway, SECRETS);
  }, 120_000);

  it.each([
    ['liveness', '/health/live', 1000],
    ['readiness', '/health/ready', 1000],
    ['the scrape', '/metrics', 500],
  ])(
    'should answer hostile requests to %s without a 5xx or a leak',
    async (_name, path, runs) => {
      const before = await domainState(gateway);
      const tally = new StatusTally();
      const paths = fc.oneof(
        { weight: 4, arbitrary: fc.constant(path) },
        { weight: 1, arbitrary: pathSegment.map((s) => `${path}/${s}`) },
      );

      await fc.assert(
        fc.asyncProperty(requestTo(paths), async (request) => {
          tally.add(await sendHostile(gateway, request, SECRETS));
        }),
        { numRuns: runs },
      );

      // A body on a GET is read like any other: 400 or 415 when it is not JSON.
      expect(tally.statuses().every((s) => [200, 400, 404, 413, 414, 415].includes(s))).toBe(true);
      expect(tally.statuses()).toEqual(expect.arrayContaining([200, 404]));
      expect(await domainState(gateway)).toEqual(before);
      expectCleanLogs(gateway, SECRETS);
    },
    120_000,
  );
});
