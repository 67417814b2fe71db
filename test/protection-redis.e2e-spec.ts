import Redis from 'ioredis';
import { FakeTwilio } from './support/fakes/twilio.fake';
import { Gateway, startGateway } from './support/gateway';
import { hookRequest } from './support/okta';
import {
  decisions,
  expectSharedPhoneLimit,
  protectedConfig,
  record,
  sendStatus,
} from './support/protection';
import { describeWithRedis, RedisServer } from './support/redis-server';

/** Both replicas must share it: it is the whole point. */
const KEY_PREFIX = `otg-e2e-protection-${process.pid}:`;

describeWithRedis('toll-fraud rate limits shared by two replicas through Redis (e2e)', () => {
  let redis: RedisServer;
  let twilio: FakeTwilio;
  let a: Gateway;
  let b: Gateway;
  let inspector: Redis;

  const replica = (onUnavailable: string) =>
    startGateway(
      protectedConfig(
        twilio,
        {
          rateLimits: [
            { key: 'phone', limit: 3, windowSeconds: 60 },
            { key: 'ip', limit: 100, windowSeconds: 60 },
          ],
        },
        {
          server: { port: 0, replicas: 2 },
          store: {
            driver: 'redis',
            redis: { url: redis.url, keyPrefix: KEY_PREFIX, commandTimeoutMs: 200 },
            onUnavailable,
          },
        },
      ),
    );

  beforeAll(async () => {
    redis = await RedisServer.start();
    twilio = await FakeTwilio.start();
    a = await replica('fail-open');
    b = await replica('fail-open');
    inspector = new Redis(redis.url);
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
    twilio.server.requests.length = 0;
  });

  afterAll(async () => {
    inspector.disconnect();
    await a.close();
    await b.close();
    await twilio.close();
    await redis.close();
  });

  it('should hold one limit across both replicas, and show the block on either', async () => {
    const blocked = await expectSharedPhoneLimit(a, b, twilio, '+447400123456');

    expect(await record(a, blocked)).toMatchObject({
      outcome: 'blocked',
      status: 'blocked',
      cause: 'rate-limit:phone:3/60s',
      reason: 'over 3 per 60 s for this phone number',
      to: '+44********56',
    });
    expect(await decisions(b)).toEqual([
      'otg_protection_decisions_total{rule="none",country="GB",action="allowed"} 1',
      'otg_protection_decisions_total{rule="rate-limit:phone:3/60s",country="GB",action="blocked"} 1',
    ]);
  });

  it('should keep no phone number, user id or IP address in Redis keys', async () => {
    await a
      .hook(
        hookRequest({ phoneNumber: '+33612345678', userId: '00uKEYS', ipAddress: '198.51.100.9' }),
      )
      .expect(200);

    const keys = await inspector.keys(`${KEY_PREFIX}rl:*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.join('\n')).not.toMatch(/612345678|00uKEYS|198\.51\.100/);
  });

  it('should count on each replica alone while Redis is down (fail-open), and not send uncounted (fail-closed)', async () => {
    const closed = await replica('fail-closed');
    await redis.stop();
    try {
      const phone = '+4917612345678';
      const during = [];
      for (let i = 0; i < 4; i++) during.push(await sendStatus(a, phone));
      const refused = await closed.hook(withoutEventId(phone)).expect(200);

      expect(during).toEqual(['SUCCESSFUL', 'SUCCESSFUL', 'SUCCESSFUL', 'FAILED']);
      expect(await sendStatus(b, phone)).toBe('SUCCESSFUL');
      expect(refused.body.error.errorCauses).toEqual([
        expect.objectContaining({
          location: 'delivery',
          reason: 'the shared store is unavailable; rate limits cannot be counted (fail-closed)',
        }),
      ]);
      expect(twilio.requests).toHaveLength(4);
    } finally {
      await redis.resume();
      await closed.close();
    }
  });
});

/** A hook request without eventId: idempotency leaves it alone, so protection meets the outage. */
function withoutEventId(phoneNumber: string): Record<string, unknown> {
  const body = hookRequest({ phoneNumber });
  delete body.eventId;
  return body;
}
