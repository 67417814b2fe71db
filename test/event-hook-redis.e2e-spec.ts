import { eventually } from './support/eventually';
import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { metric } from './support/metrics';
import { hookRequest } from './support/okta';
import { EVENT_HOOK_SECRET, eventHookDelivery, oieSmsEvent, user } from './support/okta-events';
import { describeWithRedis, RedisServer } from './support/redis-server';

const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const KEY_PREFIX = `otg-events-e2e-${process.pid}:`;

describeWithRedis('Okta event hook on two replicas sharing Redis (e2e)', () => {
  let redis: RedisServer;
  let twilio: FakeTwilio;
  let replicas: Gateway[];

  const replica = () =>
    startGateway(
      testConfig({
        server: { port: 0, replicas: 2 },
        events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] } },
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
        store: { driver: 'redis', redis: { url: redis.url, keyPrefix: KEY_PREFIX } },
        admin: { tokens: [ADMIN_TOKEN] },
      }),
    );
  /** A sample summed over both replicas. */
  const total = async (name: string, labels: Record<string, string> = {}) =>
    (await Promise.all(replicas.map((g) => metric(g, name, labels)))).reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    redis = await RedisServer.start();
    twilio = await FakeTwilio.start();
    replicas = [await replica(), await replica()];
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
  });

  afterAll(async () => {
    for (const gateway of replicas) await gateway.close();
    await twilio.close();
    await redis.close();
  });

  it('should process an event once when Okta delivers it to both replicas at once, and attach it on either', async () => {
    const dana = user('00uDANA');
    const sent = await replicas[0]
      .hook(hookRequest({ userId: dana.id, phoneNumber: '+14155552671' }))
      .expect(200);
    const transactionId = sent.body.commands[0].value[0].transactionId as string;
    const batch = eventHookDelivery([oieSmsEvent(dana, '+14xxxxxxxxx')]);

    await Promise.all(
      replicas.map((g) =>
        g
          .http()
          .post('/hooks/okta/events')
          .set('authorization', EVENT_HOOK_SECRET)
          .send(batch)
          .expect(200),
      ),
    );

    const seen = await eventually(
      async () =>
        (await total('otg_okta_events_total', {
          event_type: 'system.sms.send_phone_verification_message',
        })) + (await total('otg_okta_event_repeats_total')),
      (n) => n === 2,
    );
    expect(seen).toBe(2);
    expect(
      await total('otg_okta_events_total', {
        event_type: 'system.sms.send_phone_verification_message',
      }),
    ).toBe(1);
    const view = await replicas[1]
      .http()
      .get(`/deliveries/${transactionId}`)
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    expect(view.body.history).toEqual([
      expect.objectContaining({
        kind: 'okta-event',
        uuid: (batch.data as { events: { uuid: string }[] }).events[0].uuid,
      }),
    ]);
  });
});
