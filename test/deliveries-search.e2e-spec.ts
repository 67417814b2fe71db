import { FakeTwilio, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { ADMIN_TOKEN, deliveryIdOf } from './support/protection';
import { describeWithRedis, RedisServer } from './support/redis-server';
import { StoreRuntime } from '../src/store/store.runtime';

const LAST4_KEY = 'search-key-for-tests-0123456789abcdef';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Page {
  items: { deliveryId: string; status: string; okta: { userId?: string; login?: string } }[];
  nextCursor: string | null;
}

/** The search contract; the same body runs on the memory driver and on a real redis-server. */
interface Driver {
  /** The `store` section, once the driver's server (if any) is up. */
  start(): Promise<Record<string, unknown>>;
  /** Checks on what the searches left in the store, before the gateway closes. */
  check?(gateway: Gateway): Promise<void>;
  stop?(): Promise<void>;
}

function searchesDeliveries(driver: Driver): void {
  let twilio: FakeTwilio;
  let gateway: Gateway;
  let run = 0;
  /** A user id and a login of this test alone (the store is shared by the tests of a file). */
  let user: (name: string) => { userId: string; login: string };
  const send = async (who: { userId: string; login: string }, phoneNumber = '+14155552671') =>
    deliveryIdOf(
      (await gateway.hook(hookRequest({ ...who, phoneNumber, otpCode: '731904' })).expect(200))
        .body,
    );
  const search = (query: Record<string, string>, token: string | null = ADMIN_TOKEN) => {
    const req = gateway.http().get('/deliveries').query(query);
    return token === null ? req : req.set('authorization', `Bearer ${token}`);
  };
  /** A delivery no provider sent: its id is in the log line, not in Okta's error object. */
  const sendFailing = async (who: { userId: string; login: string }) => {
    twilio.script(() => twilioError(400, 21211));
    await gateway.hook(hookRequest({ ...who })).expect(200);
    const line = gateway.logs.entries().findLast((e) => e.msg === 'delivery failed');
    return line?.deliveryId as string;
  };
  const ids = async (query: Record<string, string>) =>
    ((await search(query).expect(200)).body as Page).items.map((item) => item.deliveryId);

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
        admin: { tokens: [ADMIN_TOKEN] },
        records: { phoneLast4Key: LAST4_KEY },
        store: await driver.start(),
      }),
    );
  });

  beforeEach(() => {
    const n = ++run;
    user = (name) => ({
      userId: `00u${name}${n}${process.pid}`,
      login: `${name}.${n}@example.com`,
    });
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
    twilio.script();
  });

  afterAll(async () => {
    await driver.check?.(gateway);
    await gateway.close();
    await twilio.close();
    await driver.stop?.();
  });

  it('should page through a user’s deliveries newest first with the cursor, each record without its history', async () => {
    const ann = user('ann');
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push(await send(ann));
    const newest = [...sent].reverse();

    const first = (await search({ user: ann.userId, limit: '2' }).expect(200)).body as Page;
    const second = (
      await search({ user: ann.userId, limit: '2', cursor: first.nextCursor! }).expect(200)
    ).body as Page;
    const third = (
      await search({ user: ann.userId, limit: '2', cursor: second.nextCursor! }).expect(200)
    ).body as Page;

    expect(first.items.map((i) => i.deliveryId)).toEqual(newest.slice(0, 2));
    expect(second.items.map((i) => i.deliveryId)).toEqual(newest.slice(2, 4));
    expect(third).toEqual({
      items: [expect.objectContaining({ deliveryId: newest[4] })],
      nextCursor: null,
    });
    expect(first.items[0]).toEqual({
      deliveryId: newest[0],
      transactionId: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      providerId: 'tw',
      outcome: 'sent',
      status: 'queued',
      statusAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      requestType: 'com.okta.user.telephony.mfa-verification',
      channel: 'sms',
      country: 'US',
      to: '+1********71',
      okta: { eventId: expect.any(String), userId: ann.userId, login: ann.login },
      attempts: [{ providerId: 'tw', outcome: 'sent', latencyMs: expect.any(Number) }],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify([first, second, third])).not.toMatch(/731904|4155552671|2671/);
  });

  it('should find a user by login in any case as by user id', async () => {
    const bob = user('bob');
    const id = await send(bob);

    expect(await ids({ user: bob.login.toUpperCase() })).toEqual([id]);
    expect(await ids({ user: bob.userId })).toEqual([id]);
  });

  it('should filter by the last four digits of the number, per user', async () => {
    const cat = user('cat');
    const dan = user('dan');
    const a = await send(cat, '+14155552671');
    const b = await send(cat, '+14155550123');
    const c = await send(cat, '+14155552671');
    await send(dan, '+14155552671');

    expect(await ids({ user: cat.userId, phoneLast4: '2671' })).toEqual([c, a]);
    expect(await ids({ user: cat.login, phoneLast4: '0123' })).toEqual([b]);
    expect(await ids({ user: cat.userId, phoneLast4: '9999' })).toEqual([]);
  });

  it('should keep to the time range', async () => {
    const eve = user('eve');
    const early = await send(eve);
    await sleep(5);
    const middle = new Date().toISOString();
    await sleep(5);
    const late = await send(eve);

    expect(await ids({ user: eve.userId, to: middle })).toEqual([early]);
    expect(await ids({ user: eve.userId, from: middle })).toEqual([late]);
    expect(await ids({ user: eve.userId, from: middle, to: middle })).toEqual([]);
  });

  it('should filter by status and provider, for one user or across users', async () => {
    const fay = user('fay');
    const sentId = await send(fay);
    const failedId = await sendFailing(fay);

    expect(await ids({ user: fay.userId, status: 'failed' })).toEqual([failedId]);
    expect(await ids({ user: fay.userId, provider: 'tw' })).toEqual([sentId]);
    expect(await ids({ status: 'failed', limit: '1' })).toEqual([failedId]);
  });

  it('should answer an empty page for a user with no deliveries', async () => {
    const res = await search({ user: 'nobody@example.com' }).expect(200);

    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it('should answer 401 without the admin token', async () => {
    const res = await search({ user: 'anyone@example.com' }, null).expect(401);

    expect(res.body).toEqual({ error: { errorSummary: 'Authentication failed', errorCauses: [] } });
  });

  it.each([
    [{ limit: '0' }, 'limit', 'must be an integer from 1 to 100'],
    [{ limit: 'ten' }, 'limit', 'must be an integer from 1 to 100'],
    [{ from: 'yesterday' }, 'from', 'must be an ISO 8601 time, e.g. 2026-05-01T09:30:00Z'],
    [{ to: '2026-13-45T99:00:00Z' }, 'to', 'must be an ISO 8601 time, e.g. 2026-05-01T09:30:00Z'],
    [{ from: '2026-05-02', to: '2026-05-01' }, 'from', 'must not be after to'],
    [
      { status: 'lost' },
      'status',
      'must be one of queued, sent, delivered, undelivered, failed, blocked',
    ],
    [{ provider: 'tw/x' }, 'provider', 'must be a provider id'],
    [{ user: 'u', phoneLast4: '12' }, 'phoneLast4', 'must be the last four digits of the number'],
    [
      { phoneLast4: '2671' },
      'phoneLast4',
      'needs user: the digits are kept per user, never as one list',
    ],
    [{ cursor: 'not-a-cursor' }, 'cursor', 'is not a cursor this API gave'],
    [{ user: '' }, 'user', 'must not be empty'],
    [
      { phone: '+14155552671' },
      'phone',
      'unknown parameter; known: user, phoneLast4, from, to, status, provider, limit, cursor',
    ],
    [
      { '+14155552671': 'x' },
      'parameter',
      'unknown parameter, not named here; known: user, phoneLast4, from, to, status, provider, limit, cursor',
    ],
  ])('should answer 400 naming the parameter for %j', async (query, location, reason) => {
    const res = await search(query).expect(400);

    expect(res.body).toEqual({
      error: {
        errorSummary: 'The query parameters are not valid',
        errorCauses: [
          { errorSummary: `${location}: ${reason}`, reason, locationType: 'query', location },
        ],
      },
    });
    expect(res.text).not.toContain('4155552671');
  });

  it('should name a repeated parameter', async () => {
    const res = await gateway
      .http()
      .get('/deliveries?user=a&user=b')
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(400);

    expect(res.body.error.errorCauses).toEqual([
      {
        errorSummary: 'user: give it once',
        reason: 'give it once',
        locationType: 'query',
        location: 'user',
      },
    ]);
  });
}

describe('GET /deliveries search, memory driver (e2e)', () => {
  searchesDeliveries({ start: () => Promise.resolve({ driver: 'memory' }) });
});

describeWithRedis('GET /deliveries search, redis driver (e2e)', () => {
  let redis: RedisServer;
  const prefix = `otg-search-${process.pid}:`;

  searchesDeliveries({
    start: async () => {
      redis = await RedisServer.start();
      return {
        driver: 'redis',
        recordTtlSeconds: 3600,
        redis: { url: redis.url, keyPrefix: prefix },
      };
    },
    check: async (gateway) => {
      const backend = gateway.app.get(StoreRuntime).backend;
      if (backend.driver !== 'redis') throw new Error('expected the redis driver');
      // The request path reads sorted sets by key: never a SCAN or KEYS over the keyspace.
      const stats = await backend.client.info('commandstats');
      expect(stats).toMatch(/cmdstat_zrevrangebyscore:/);
      expect(stats).not.toMatch(/cmdstat_(scan|keys):/);
      const day = `${prefix}dix:day:${new Date().toISOString().slice(0, 10)}`;
      expect(await backend.client.type(day)).toBe('zset');
      expect(await backend.client.pttl(day)).toBeGreaterThan(3600_000);
      expect(await backend.client.pttl(day)).toBeLessThanOrEqual(3600_000 + 86_400_000);
    },
    stop: () => redis.close(),
  });
});
