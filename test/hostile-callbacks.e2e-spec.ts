import fc from 'fast-check';
import { FakeServer } from './support/fake-server';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import {
  contentType,
  domainState,
  expectCleanLogs,
  hostileBody,
  hostileString,
  nestedJson,
  pathSegment,
  sendHostile,
  StatusTally,
} from './support/hostile';
import {
  CALLBACK_PUBLIC_URL,
  CALLBACK_SECRETS,
  CallbackContent,
  callbackVendors,
} from './support/signed-callbacks';

const SECRETS = [...CALLBACK_SECRETS, HOOK_SECRET];
const SIGNED_RUNS = 300;
const UNSIGNED_RUNS = 150;

/** Receipts for messages the gateway never sent are counted as `unknown`: authentic, not state. */
const withoutUnknownReceipts = (state: { entries: number; samples: string[] }) => ({
  ...state,
  samples: state.samples.filter((line) => !line.includes('result="unknown"')),
});

/** The names vendors give receipt fields (vendors.md), so that hostile values reach the parsers. */
const FIELD = fc.constantFrom(
  'MessageSid',
  'MessageStatus',
  'SmsStatus',
  'CallSid',
  'CallStatus',
  'ErrorCode',
  'To',
  'messageId',
  'status',
  'err-code',
  'scts',
  'message-timestamp',
  'MessageUUID',
  'Status',
  'ErrorCode',
  'CallUUID',
  'CallStatus',
);
const value = fc.oneof(
  hostileString,
  fc.constantFrom('delivered', 'DELIVRD', 'failed', 'Delivered', 'undelivered'),
);
const field = fc.oneof(
  FIELD,
  hostileString.filter((name) => name !== ''),
);

/** JSON a vendor might post: its own shapes (Telnyx, Sinch, Infobip, Vonage) with hostile values. */
const vendorJson = fc.oneof(
  fc.record({ id: value, status: value, to: value, errors: fc.jsonValue() }).map((payload) => ({
    data: {
      event_type: 'message.finalized',
      id: 'e',
      payload: { ...payload, to: [{ phone_number: payload.to, status: payload.status }] },
    },
  })),
  fc.record({
    type: fc.constant('recipient_delivery_report_sms'),
    batch_id: value,
    status: value,
    code: fc.jsonValue(),
    recipient: value,
  }),
  fc
    .record({
      messageId: value,
      status: fc.record({ groupName: value, name: value }),
      error: fc.jsonValue(),
    })
    .map((result) => ({ results: [result] })),
  fc.record({
    message_uuid: value,
    status: value,
    timestamp: value,
    to: value,
    error: fc.jsonValue(),
  }),
);

/** What a vendor might sign: hostile parameters and JSON, in every content-type spelling. */
const content: fc.Arbitrary<CallbackContent> = fc.record({
  // Vendors name every parameter: an empty name is no request of theirs.
  params: fc.dictionary(field, value, { maxKeys: 8 }),
  json: fc.oneof(
    hostileBody,
    nestedJson(),
    vendorJson.map((body) => JSON.stringify(body)),
  ),
  jsonType: fc
    .tuple(
      fc.mixedCase(fc.constant('application/json')),
      fc.constantFrom('', '; charset=utf-8', ';charset=UTF-8'),
    )
    .map(([type, parameters]) => type + parameters),
  formType: fc
    .tuple(
      fc.mixedCase(fc.constant('application/x-www-form-urlencoded')),
      fc.constantFrom('', '; charset=UTF-8'),
    )
    .map(([type, parameters]) => type + parameters),
});

describe('vendor callbacks under hostile requests (e2e, property)', () => {
  let vendors: FakeServer;
  let gateway: Gateway;
  let all: ReturnType<typeof callbackVendors>;

  beforeAll(async () => {
    vendors = await FakeServer.start(() => ({ status: 500, body: {} }));
    all = callbackVendors(vendors.url);
    gateway = await startGateway(
      testConfig({
        server: { port: 0, publicUrl: CALLBACK_PUBLIC_URL },
        providers: Object.fromEntries(all.map((v) => [v.id, v.provider])),
        routing: { default: all.map((v) => v.id) },
      }),
    );
  });

  afterAll(async () => {
    await gateway.close();
    await vendors.close();
  });

  it.each(['tw', 'vonage', 'telnyx', 'plivo', 'sinch', 'infobip'])(
    'should take %s callbacks it signed, whatever they carry, without a 5xx, a leak, a record or a vendor call',
    async (id) => {
      const vendor = all.find((v) => v.id === id)!;
      const before = withoutUnknownReceipts(await domainState(gateway));
      const tally = new StatusTally();

      await fc.assert(
        fc.asyncProperty(content, async (what) => {
          const signed = await vendor.sign(what);
          tally.add(await sendHostile(gateway, { method: 'POST', ...signed }, SECRETS));
        }),
        { numRuns: SIGNED_RUNS },
      );

      expect(tally.statuses().every((s) => [200, 400].includes(s))).toBe(true);
      expect(tally.counts.get(200)).toBeGreaterThan(SIGNED_RUNS / 10);
      expect(withoutUnknownReceipts(await domainState(gateway))).toEqual(before);
      expect(vendors.requests).toEqual([]);
      expectCleanLogs(gateway, SECRETS);
    },
    60_000,
  );

  it.each(['tw', 'vonage', 'telnyx', 'plivo', 'sinch', 'infobip'])(
    'should refuse %s callbacks nobody signed, whatever they carry, and change nothing',
    async (id) => {
      const before = await domainState(gateway);
      const tally = new StatusTally();
      const unsigned = fc.record({
        method: fc.constantFrom('POST' as const, 'GET' as const),
        url: fc.constantFrom(`/callbacks/${id}/status`, `/callbacks/${id}/status?token=x&sig=y`),
        headers: fc
          .tuple(
            contentType,
            fc.constantFrom<Record<string, string>>(
              {},
              { authorization: 'Bearer a.b.c' },
              { 'x-twilio-signature': 'AAAA' },
            ),
          )
          .map(([type, forged]) =>
            type === undefined ? forged : { ...forged, 'content-type': type },
          ),
        payload: hostileBody,
      });

      await fc.assert(
        fc.asyncProperty(unsigned, async (request) => {
          tally.add(await sendHostile(gateway, request, SECRETS));
        }),
        { numRuns: UNSIGNED_RUNS },
      );

      expect(tally.statuses().every((s) => [400, 403, 415].includes(s))).toBe(true);
      expect(tally.counts.get(403)).toBeGreaterThan(UNSIGNED_RUNS / 10);
      expect(await domainState(gateway)).toEqual(before);
      expect(vendors.requests).toEqual([]);
      expectCleanLogs(gateway, SECRETS);
    },
    60_000,
  );

  it('should answer callbacks to unknown providers, kinds and odd paths with a 4xx, and change nothing', async () => {
    const before = await domainState(gateway);
    const tally = new StatusTally();
    const odd = fc.record({
      method: fc.constantFrom('POST' as const, 'GET' as const, 'PUT' as const, 'DELETE' as const),
      url: fc
        .tuple(fc.oneof(pathSegment, fc.constantFrom('tw', 'sinch')), pathSegment)
        .map(([provider, kind]) => `/callbacks/${provider}/${kind}`),
      headers: contentType.map((type): Record<string, string> =>
        type === undefined ? {} : { 'content-type': type },
      ),
      payload: hostileBody,
    });

    await fc.assert(
      fc.asyncProperty(odd, async (request) => {
        tally.add(await sendHostile(gateway, request, SECRETS));
      }),
      { numRuns: 400 },
    );

    expect(tally.statuses().every((s) => s >= 400 && s < 500)).toBe(true);
    expect(tally.statuses()).toEqual(expect.arrayContaining([404, 414]));
    expect(await domainState(gateway)).toEqual(before);
    expectCleanLogs(gateway, SECRETS);
  }, 60_000);
});
