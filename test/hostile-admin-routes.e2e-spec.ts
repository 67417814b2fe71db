import fc from 'fast-check';
import { ADMIN_TOKEN, eventHookConfig, OktaAndSupport } from './support/event-hook';
import { Gateway, HOOK_SECRET, startGateway } from './support/gateway';
import {
  contentType,
  domainState,
  expectCleanLogs,
  extraHeaders,
  hostileBody,
  HostileRequest,
  hostileString,
  method,
  pathSegment,
  PLANTED_CODE,
  PLANTED_PHONE,
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

const SEARCH_PARAMETERS = [
  'user',
  'phoneLast4',
  'from',
  'to',
  'status',
  'provider',
  'limit',
  'cursor',
];
/** The user of the delivery to the planted number, which searches may find. */
const SEARCHED_USER = '00uHOSTILE1';

/** A parameter name of `GET /deliveries`: known, in another case, odd, or anything. */
const parameterName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SEARCH_PARAMETERS) },
  { weight: 1, arbitrary: fc.mixedCase(fc.constantFrom(...SEARCH_PARAMETERS)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'user[]', 'user[0]', '', PLANTED_CODE),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A value: near misses of each parameter's format, long, encoded oddly, or anything. */
const parameterValue = fc.oneof(
  hostileString,
  fc.constantFrom(
    SEARCHED_USER,
    '0123',
    '2671',
    '012',
    '2026-05-01T09:30:00Z',
    '2026-05-01',
    '2026-02-30T25:00:00Z',
    '1e999',
    '-1',
    '0',
    '100',
    '101',
    'sent',
    'SENT',
    'c',
    '../c',
  ),
  fc.integer({ min: 200, max: 3000 }).map((n) => 'u'.repeat(n)),
  fc.base64String({ maxLength: 120 }),
);

/** A query string of `GET /deliveries`: parameters repeated, missing or unknown, or raw bytes. */
const searchQuery: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(fc.tuple(parameterName, parameterValue), { maxLength: 8 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  { weight: 1, arbitrary: fc.constantFrom('%ZZ', 'user=%E0%A4%A', '&&&', '=&=', 'user&user', '?') },
);

/** /deliveries, the health probes and /metrics: thousands of hostile requests each. */
describe('support and cluster routes under hostile requests (e2e, property)', () => {
  let gateway: Gateway;
  let okta: OktaAndSupport;
  let transactionId: string;

  beforeAll(async () => {
    gateway = await startGateway(
      eventHookConfig({
        providers: { c: { type: 'console' } },
        routing: { default: ['c'] },
        records: { phoneLast4Key: 'search-key-for-tests-0123456789abcdef' },
      }),
    );
    okta = new OktaAndSupport(gateway);
    transactionId = await okta.deliver(hookRequest());
    await okta.deliver(hookRequest({ userId: SEARCHED_USER, phoneNumber: PLANTED_PHONE }));
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

  it('should answer 2,000 hostile searches with 200 or a 4xx, showing no number and changing nothing', async () => {
    const record = await okta.record(transactionId);
    const before = await domainState(gateway);
    const tally = new StatusTally();
    const token = fc.constantFrom(undefined, `Bearer ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN}x`);
    const search = fc.record({
      method: fc.constantFrom<HostileRequest['method']>('GET', 'GET', 'GET', 'HEAD', 'POST'),
      url: searchQuery.map((query) => `/deliveries?${query}`),
      headers: fc.tuple(fc.option(contentType, { nil: undefined }), token).map(([type, auth]) => ({
        ...(type === undefined ? {} : { 'content-type': type }),
        ...(auth === undefined ? {} : { authorization: auth }),
      })),
      payload: fc.option(hostileBody, { nil: undefined, freq: 5 }),
    });

    await fc.assert(
      fc.asyncProperty(search, async (request) => {
        tally.add(await sendHostile(gateway, request, SECRETS));
      }),
      { numRuns: 2000 },
    );

    expect(tally.statuses().every((s) => [200, 400, 401, 404, 413, 415].includes(s))).toBe(true);
    expect(tally.statuses()).toEqual(expect.arrayContaining([200, 400, 401]));
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
