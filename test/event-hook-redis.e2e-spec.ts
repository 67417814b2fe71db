import { eventually } from './support/eventually';
import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { eventHookConfig, OktaAndSupport } from './support/event-hook';
import { Gateway, startGateway } from './support/gateway';
import { metric } from './support/metrics';
import { hookRequest } from './support/okta';
import { eventHookDelivery, oieSmsEvent, user } from './support/okta-events';
import { describeWithRedis, RedisServer } from './support/redis-server';

const KEY_PREFIX = `otg-events-e2e-${process.pid}:`;

describeWithRedis('Okta event hook on two replicas sharing Redis (e2e)', () => {
  let redis: RedisServer;
  let twilio: FakeTwilio;
  let replicas: Gateway[];

  const replica = () =>
    startGateway(
      eventHookConfig({
        server: { port: 0, replicas: 2 },
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
        store: { driver: 'redis', redis: { url: redis.url, keyPrefix: KEY_PREFIX } },
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
    const transactionId = await new OktaAndSupport(replicas[0]).deliver(
      hookRequest({ userId: dana.id, phoneNumber: '+14155552671' }),
    );
    const batch = eventHookDelivery([oieSmsEvent(dana, '+14xxxxxxxxx')]);

    await Promise.all(replicas.map((g) => new OktaAndSupport(g).postEvents(batch).expect(200)));

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
    const view = await new OktaAndSupport(replicas[1]).record(transactionId);
    expect(view.history).toEqual([
      expect.objectContaining({
        kind: 'okta-event',
        uuid: (batch.data as { events: { uuid: string }[] }).events[0].uuid,
      }),
    ]);
  });
});
