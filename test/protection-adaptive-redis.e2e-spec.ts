import Redis from 'ioredis';
import { ManualClock } from './support/clock';
import { eventually } from './support/eventually';
import { FakeTwilio } from './support/fakes/twilio.fake';
import { Gateway, startGateway } from './support/gateway';
import { hookRequest } from './support/okta';
import {
  EVENT_HOOK_SECRET,
  eventHookDelivery,
  factorActivateEvent,
  user,
} from './support/okta-events';
import { blockedAnswer, deliveryIdOf, oktaValue, protectedConfig } from './support/protection';
import { describeWithRedis, RedisServer } from './support/redis-server';

const KEY_PREFIX = `otg-e2e-watch-${process.pid}:`;
const ENROLLMENT = 'com.okta.user.telephony.pre-enrollment';

describeWithRedis('toll-fraud watch list shared by two replicas through Redis (e2e)', () => {
  let redis: RedisServer;
  let twilio: FakeTwilio;
  let inspector: Redis;
  let a: Gateway;
  let b: Gateway;
  const clock = new ManualClock();

  const replica = () =>
    startGateway(
      protectedConfig(
        twilio,
        { adaptive: { enabled: true } },
        {
          server: { port: 0, replicas: 2 },
          events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] } },
          store: { driver: 'redis', redis: { url: redis.url, keyPrefix: KEY_PREFIX } },
        },
      ),
      {},
      { clock },
    );
  const enroll = (gateway: Gateway, phoneNumber: string, userId: string) =>
    gateway
      .hook(
        hookRequest({ phoneNumber, userId, ipAddress: '198.51.100.7', requestType: ENROLLMENT }),
      )
      .expect(200);
  const verifiedOn = async (gateway: Gateway) =>
    (await gateway.http().get('/metrics').expect(200)).text
      .split('\n')
      .filter((line) => line.startsWith('otg_protection_feedback_total{'));

  beforeAll(async () => {
    redis = await RedisServer.start();
    twilio = await FakeTwilio.start();
    inspector = new Redis(redis.url);
    a = await replica();
    b = await replica();
  });

  afterAll(async () => {
    inspector.disconnect();
    await a.close();
    await b.close();
    await twilio.close();
    await redis.close();
  });

  it('should count on one replica, watch and block on the other, and credit a code verified on either', async () => {
    const verified = user('00uShared');
    await enroll(a, '+447400200009', verified.id);
    await b
      .http()
      .post('/hooks/okta/events')
      .set('authorization', EVENT_HOOK_SECRET)
      .send(eventHookDelivery([factorActivateEvent(verified, 'SMS_FACTOR')]))
      .expect(200);
    await eventually(
      () => verifiedOn(b),
      (lines) => lines.length > 0,
      15_000, // the event is processed after Okta's ack; a loaded CI machine may take seconds
    );
    for (const n of [1, 2, 3]) await enroll(a, `+44740010000${n}`, `00uStranger${n}`);
    clock.advance(121_000);

    const blocked = await enroll(b, '+447400100004', '00uStranger4');

    const reason = 'range +44 7400 1** sent 3 verified 0, baseline 0.85';
    expect(blocked.body).toEqual(
      blockedAnswer('pumping-watch:range', reason, deliveryIdOf(blocked.body)),
    );
    expect(oktaValue((await enroll(b, '+447400200009', verified.id)).body).status).toBe(
      'SUCCESSFUL',
    );
    expect(await verifiedOn(b)).toEqual(['otg_protection_feedback_total{result="verified"} 1']);
    const keys = await inspector.keys(`${KEY_PREFIX}p*`);
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.join('\n')).not.toMatch(/7400|00uS|198\.51/);
  });
});
