import fc from 'fast-check';
import { FakeTwilio, TWILIO_SID, TWILIO_TOKEN } from './support/fakes/twilio.fake';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import {
  contentType,
  expectCleanLogs,
  extraHeaders,
  hostileBody,
  nestedJson,
  sendHostile,
  StatusTally,
} from './support/hostile';
import { hookRequest } from './support/okta';

const RUNS = 10_000;

/** A value of a type no required field accepts. */
const wrongType = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string(), fc.jsonValue()),
  fc.array(fc.jsonValue()),
);
const required = ['phoneNumber', 'otpCode', 'deliveryChannel'] as const;

const nearMiss = fc
  .tuple(fc.constantFrom(...required), fc.option(wrongType, { nil: undefined }))
  .map(([field, value]) => {
    const body = hookRequest();
    const profile = (body.data as { messageProfile: Record<string, unknown> }).messageProfile;
    if (value === undefined) delete profile[field];
    else profile[field] = value;
    return JSON.stringify(body);
  });
const notOkta = fc
  .jsonValue()
  .filter(
    (v) =>
      typeof v !== 'object' ||
      v === null ||
      Array.isArray(v) ||
      typeof (v as { data?: unknown }).data !== 'object',
  )
  .map((v) => JSON.stringify(v));
const notJson = fc.string({ minLength: 1 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});

describe('malformed hook bodies (e2e, property)', () => {
  let twilio: FakeTwilio;
  let gateway: Gateway;

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        providers: {
          twilio: {
            type: 'twilio',
            accountSid: TWILIO_SID,
            authToken: TWILIO_TOKEN,
            from: '+15005550006',
            baseUrl: twilio.url,
          },
        },
        routing: { default: ['twilio'] },
      }),
    );
  });

  afterAll(async () => {
    await gateway.close();
    await twilio.close();
  });

  it(`should answer ${RUNS} generated malformed bodies with 400 and never call the vendor`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearMiss, notOkta, notJson), async (payload) => {
        const res = await gateway.app.inject({
          method: 'POST',
          url: '/hooks/okta/telephony',
          headers: { authorization: HOOK_SECRET, 'content-type': 'application/json' },
          payload,
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: { errorSummary: 'The request is not a valid Okta hook request' },
        });
      }),
      { numRuns: RUNS },
    );

    expect([...statuses]).toEqual([[400, RUNS]]);
    expect(twilio.requests).toHaveLength(0);
  }, 120_000);

  it('should answer 2,000 hostile requests (any nesting, content-type spelling or query) with a 4xx in time, calling no vendor', async () => {
    const tally = new StatusTally();
    const request = fc.record({
      method: fc.constant('POST' as const),
      url: fc.constantFrom('/hooks/okta/telephony', '/hooks/okta/telephony?x=1&eventId=%ZZ'),
      headers: fc.tuple(contentType, extraHeaders).map(([type, extra]) => ({
        ...extra,
        authorization: HOOK_SECRET,
        ...(type === undefined ? {} : { 'content-type': type }),
      })),
      payload: fc.oneof(hostileBody, nestedJson(5000)),
    });

    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        tally.add(await sendHostile(gateway, r, [HOOK_SECRET, TWILIO_TOKEN], 2500 + 50));
      }),
      { numRuns: 2000 },
    );

    expect(tally.statuses().every((s) => [400, 413, 415].includes(s))).toBe(true);
    expect(tally.statuses()).toEqual(expect.arrayContaining([400, 415]));
    expect(twilio.requests).toHaveLength(0);
    expectCleanLogs(gateway, [HOOK_SECRET, TWILIO_TOKEN]);
  }, 120_000);
});
