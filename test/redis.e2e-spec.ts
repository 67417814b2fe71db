import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { describeWithRedis, RedisServer } from './support/redis-server';
import { storeDetails } from './support/store-status';

const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
/** Both replicas must share it: it is the whole point. */
const KEY_PREFIX = `otg-e2e-${process.pid}:`;

describeWithRedis('two replicas sharing Redis (e2e)', () => {
  let redis: RedisServer;
  let twilio: FakeTwilio;
  let open: Gateway;
  let closed: Gateway;

  const replica = (onUnavailable: string) =>
    startGateway(
      testConfig({
        server: { port: 0, replicas: 2 },
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
        store: {
          driver: 'redis',
          redis: { url: redis.url, keyPrefix: KEY_PREFIX, commandTimeoutMs: 200 },
          onUnavailable,
        },
        admin: { tokens: [ADMIN_TOKEN] },
      }),
    );
  /** The same eventId to both replicas at once. */
  const bothAtOnce = (eventId: string) =>
    Promise.all([open.hook(hookRequest({ eventId })), closed.hook(hookRequest({ eventId }))]);

  beforeAll(async () => {
    redis = await RedisServer.start();
    twilio = await FakeTwilio.start();
    twilio.delayAnswers(150); // the two replicas' requests overlap
    open = await replica('fail-open');
    closed = await replica('fail-closed');
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
    twilio.server.requests.length = 0;
  });

  afterAll(async () => {
    await open.close();
    await closed.close();
    await twilio.close();
    await redis.close();
  });

  it('should send once when both replicas get the same eventId at once, and answer both the same', async () => {
    const [first, second] = await bothAtOnce('evt-shared');

    expect(twilio.requests).toHaveLength(1);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const { transactionId } = first.body.commands[0].value[0];
    const record = await closed
      .http()
      .get(`/deliveries/${transactionId}`)
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(record.body).toMatchObject({ transactionId, okta: { eventId: 'evt-shared' } });
  });

  it('should follow store.onUnavailable while Redis is down, stay ready, and recover when it returns', async () => {
    await redis.stop();

    const sent = await open.hook(hookRequest({ eventId: 'evt-down-1' })).expect(200);
    const refused = await closed.hook(hookRequest({ eventId: 'evt-down-2' })).expect(200);

    expect(twilio.requests).toHaveLength(1);
    expect(sent.body.commands[0].value[0].status).toBe('SUCCESSFUL');
    expect(refused.body).toEqual({
      error: {
        errorSummary: 'Failed to deliver SMS OTP',
        errorCauses: [
          {
            errorSummary: 'delivery: the shared store is unavailable; not sent (fail-closed)',
            reason: 'the shared store is unavailable; not sent (fail-closed)',
            locationType: 'body',
            location: 'delivery',
          },
        ],
      },
    });
    expect(await storeDetails(open)).toEqual({
      status: 'up',
      driver: 'redis',
      topology: 'standalone',
      available: false,
      problem: expect.any(String),
      onUnavailable: 'fail-open',
    });

    await redis.resume();
    for (const gateway of [open, closed]) {
      while (!(await storeDetails(gateway)).available) await new Promise((r) => setTimeout(r, 50));
    }
    twilio.server.requests.length = 0;
    const [first, second] = await bothAtOnce('evt-after-recovery');

    expect(twilio.requests).toHaveLength(1);
    expect(second.body).toEqual(first.body);
  });
});
