import { MAX_JSON_DEPTH } from '../src/common/json-scanner';
import { CallbacksService } from '../src/callbacks/callbacks.service';
import { EventHookService } from '../src/events/event-hook.service';
import { TelephonyHookService } from '../src/hook/telephony-hook.service';
import { ADMIN_TOKEN, eventHookConfig, OktaAndSupport } from './support/event-hook';
import {
  FakeSinch,
  SINCH_CALLBACK_SECRET,
  sinchDeliveryReport,
  sinchProvider,
} from './support/fakes/sinch.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway, HOOK_SECRET, startGateway } from './support/gateway';
import { metric } from './support/metrics';
import { hookRequest } from './support/okta';
import {
  EVENT_HOOK_SECRET,
  eventHookDelivery,
  Json,
  sessionStartEvent,
  user,
} from './support/okta-events';
import { oktaError } from './support/hostile';
import { RawClient } from './support/raw-socket';

const SERVER_LIMIT = 8192;
const EVENTS_LIMIT = 131_072;
const HOOK = '/hooks/okta/telephony';
const EVENTS = '/hooks/okta/events';

const INVALID = 'The request is not a valid Okta hook request';
/** The 400 for a body whose bracket at `offset` (one line) goes one level too deep. */
const tooDeep = (offset: number) =>
  oktaError(
    INVALID,
    `the body is nested deeper than ${MAX_JSON_DEPTH} levels, at line 1, column ${offset + 1} (byte ${offset})`,
  );

/** `{"events":[…, {…, "deep": <value>}]}` as text, and where the deep value starts. */
function eventWith(deepValue: string): { payload: string; at: number } {
  const event = { ...sessionStartEvent(user('00uDEEP')), deep: '@' };
  const payload = JSON.stringify(eventHookDelivery([event])).replace('"@"', deepValue);
  return { payload, at: payload.indexOf(deepValue) };
}

/**
 * Each defect of issue 23 on the routes besides the telephony hook, as a request a hostile client
 * would send (issue 22's bodies: request-bodies.e2e-spec.ts).
 */
describe('hostile requests (e2e, regressions)', () => {
  let sinch: FakeSinch;
  let gateway: Gateway;
  let okta: OktaAndSupport;

  const inject = (method: 'GET' | 'POST', url: string, headers = {}, payload?: string) =>
    gateway.app.inject({ method, url, headers, payload });
  const postEvents = (payload: string, headers: Record<string, string> = {}) =>
    inject(
      'POST',
      EVENTS,
      {
        authorization: EVENT_HOOK_SECRET,
        'content-type': 'application/json',
        ...headers,
      },
      payload,
    );
  const processed = () =>
    metric(gateway, 'otg_okta_events_total', { event_type: 'user.session.start' });

  beforeAll(async () => {
    sinch = await FakeSinch.start();
    gateway = await startGateway(
      eventHookConfig({
        server: { port: 0, bodyLimitBytes: SERVER_LIMIT, publicUrl: 'https://otp.example.com' },
        events: {
          auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] },
          bodyLimitBytes: EVENTS_LIMIT,
        },
        providers: { sinch: sinchProvider(sinch, { callbackSecret: SINCH_CALLBACK_SECRET }) },
        routing: { default: ['sinch'] },
      }),
    );
    okta = new OktaAndSupport(gateway);
  });

  afterEach(() => {
    expect(takeProblems(sinch)).toEqual([]);
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await gateway.close();
    await sinch.close();
  });

  describe('nesting depth', () => {
    it.each([
      ['arrays 2,000 levels deep', '['.repeat(2000) + ']'.repeat(2000)],
      ['objects 5,000 levels deep', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
    ])(
      'should refuse an event holding %s with 400, not 500, and process nothing',
      async (_n, deep) => {
        const before = await processed();
        const { payload, at } = eventWith(deep);
        const level = deep.startsWith('[') ? 1 : 5; // bytes per level
        const envelope = 4; // the delivery, data, events[] and the event itself

        const res = await postEvents(payload);

        expect({ status: res.statusCode, body: res.json() }).toEqual({
          status: 400,
          body: tooDeep(at + (MAX_JSON_DEPTH - envelope) * level),
        });
        await okta
          .postEvents(eventHookDelivery([sessionStartEvent(user('00uBARRIER'))]))
          .expect(200);
        expect(await processed()).toBe(before + 1);
      },
    );

    it(`should take an event nested ${MAX_JSON_DEPTH} levels deep in all`, async () => {
      const inner = MAX_JSON_DEPTH - 4;
      const { payload } = eventWith('['.repeat(inner) + ']'.repeat(inner));

      expect((await postEvents(payload)).statusCode).toBe(200);
    });

    it.each([
      ['the telephony hook', HOOK, { authorization: HOOK_SECRET }],
      ['a vendor callback', '/callbacks/sinch/status', {}],
      ['an unknown provider’s callback', '/callbacks/nobody/status', {}],
    ])(
      'should refuse JSON one level too deep on %s, before anything reads it',
      async (_n, url, auth) => {
        const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);

        const res = await inject(
          'POST',
          url,
          { ...auth, 'content-type': 'application/json' },
          deep,
        );

        expect({ status: res.statusCode, body: res.json() }).toEqual({
          status: 400,
          body: tooDeep(MAX_JSON_DEPTH),
        });
      },
    );
  });

  describe('framework errors keep their 4xx status', () => {
    it.each([
      ['a callback', 'POST', `/callbacks/${'p'.repeat(101)}/status`],
      ['a record lookup', 'GET', `/deliveries/${'t'.repeat(101)}`],
    ])(
      'should answer 414 (not 500) to %s whose path segment is over 100 characters',
      async (_n, method, url) => {
        const res = await inject(method as 'GET' | 'POST', url, {
          authorization: `Bearer ${ADMIN_TOKEN}`,
        });

        expect({ status: res.statusCode, body: res.json() }).toEqual({
          status: 414,
          body: oktaError('The URL or one of its path segments is too long'),
        });
      },
    );

    it('should answer 431 to headers over the server’s limit', async () => {
      const client = new RawClient(gateway.url);
      client.write(`GET /health/live HTTP/1.1\r\nhost: x\r\nx-pad: ${'a'.repeat(20_000)}\r\n\r\n`);

      const answer = await client.closed;

      expect(answer.status).toBe(431);
      expect(JSON.parse(answer.text.split('\r\n\r\n')[1])).toEqual(
        oktaError('Request headers are too large'),
      );
    });
  });

  describe('vendor callbacks', () => {
    it('should apply a signed receipt sent as Application/JSON; charset=UTF-8', async () => {
      const batchId = await okta.deliver(hookRequest());
      const report = sinchDeliveryReport(batchId, 'Delivered');

      const res = await inject(
        'POST',
        '/callbacks/sinch/status',
        { ...report.headers, 'content-type': 'Application/JSON; charset=UTF-8' },
        report.body,
      );

      expect(res.statusCode).toBe(200);
      expect((await okta.record(batchId)).status).toBe('delivered');
    });

    it('should refuse a deeply nested Application/JSON callback with 400 before its signature is checked', async () => {
      const deep = '['.repeat(SERVER_LIMIT / 2) + ']'.repeat(SERVER_LIMIT / 2);

      const res = await inject(
        'POST',
        '/callbacks/sinch/status',
        { 'content-type': 'Application/JSON' },
        deep,
      );

      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 400,
        body: tooDeep(MAX_JSON_DEPTH),
      });
    });
  });

  describe('the event hook’s own body limit', () => {
    const forty = () =>
      eventHookDelivery(
        Array.from({ length: 40 }, (_, i) => ({
          ...sessionStartEvent(user(`00uMANY${i}`)),
          debugContext: { debugData: { padding: 'x'.repeat(2000) } },
        })),
      );

    it('should take a delivery of 40 real-sized events, over the hook’s limit, and process them all', async () => {
      const delivery = JSON.stringify(forty());
      const before = await processed();
      expect(Buffer.byteLength(delivery)).toBeGreaterThan(SERVER_LIMIT * 10);

      expect((await postEvents(delivery)).statusCode).toBe(200);

      await okta.postEvents(eventHookDelivery([])).expect(200);
      for (let i = 0; i < 100 && (await processed()) < before + 40; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(await processed()).toBe(before + 40);
    });

    it('should refuse a delivery over events.bodyLimitBytes with 413, declared or chunked', async () => {
      const big = JSON.stringify({ ...forty(), padding: 'x'.repeat(EVENTS_LIMIT) });

      const declared = await postEvents(big);
      const client = new RawClient(gateway.url);
      client.write(
        `POST ${EVENTS} HTTP/1.1\r\nhost: x\r\nauthorization: ${EVENT_HOOK_SECRET}\r\n` +
          'content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n' +
          `${(EVENTS_LIMIT + 10).toString(16)}\r\n["${'x'.repeat(EVENTS_LIMIT + 8)}\r\n`,
      );
      const chunked = await client.closed;

      expect({ status: declared.statusCode, body: declared.json() }).toEqual({
        status: 413,
        body: oktaError('Request body is too large'),
      });
      expect(chunked.status).toBe(413);
    });

    it('should keep server.bodyLimitBytes on the telephony hook', async () => {
      const body = JSON.stringify(hookRequest({ msgTemplate: 'x'.repeat(SERVER_LIMIT) }));

      const res = await inject(
        'POST',
        HOOK,
        { authorization: HOOK_SECRET, 'content-type': 'application/json' },
        body,
      );

      expect(res.statusCode).toBe(413);
    });
  });

  describe('an unexpected error, per route (docs/security.md)', () => {
    const boom = () => {
      throw new TypeError('a bug');
    };
    /** otg_requests_refused_total counts the bug as `error`, whatever the route answered. */
    const errors = (route: string) =>
      metric(gateway, 'otg_requests_refused_total', { route, reason: 'error' });

    it('should answer the telephony hook 500: Okta never retries it', async () => {
      jest.spyOn(gateway.app.get(TelephonyHookService), 'answer').mockImplementation(boom);
      const before = await errors('/hooks/okta/telephony');

      const res = await gateway.hook(hookRequest());

      expect({ status: res.status, body: res.body as Json }).toEqual({
        status: 500,
        body: oktaError('Internal error'),
      });
      expect(await errors('/hooks/okta/telephony')).toBe(before + 1);
    });

    it('should answer the event hook 400: Okta retries a 5xx, never a 4xx', async () => {
      jest.spyOn(gateway.app.get(EventHookService), 'accept').mockImplementation(boom);
      const before = await errors('/hooks/okta/events');

      const res = await okta.postEvents(eventHookDelivery([]));

      expect({ status: res.status, body: res.body as Json }).toEqual({
        status: 400,
        body: oktaError('The request could not be processed'),
      });
      expect(await errors('/hooks/okta/events')).toBe(before + 1);
    });

    it('should acknowledge a vendor callback with an empty 200: some vendors retry anything else for hours', async () => {
      jest.spyOn(gateway.app.get(CallbacksService), 'handle').mockImplementation(boom);
      const report = sinchDeliveryReport('01HFUNKNOWN', 'Delivered');
      const before = await errors('/callbacks/:providerId/:kind');

      const res = await inject('POST', '/callbacks/sinch/status', report.headers, report.body);

      expect({ status: res.statusCode, body: res.body }).toEqual({ status: 200, body: '' });
      const logged = await gateway.logs.waitFor(
        (e) => e.msg === 'unhandled error' && e.route === 'POST /callbacks/:providerId/:kind',
      );
      expect(logged).toMatchObject({ level: 50, err: 'TypeError: a bug' });
      expect(await errors('/callbacks/:providerId/:kind')).toBe(before + 1);
    });
  });
});
