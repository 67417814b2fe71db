import { describePromtool, promtoolStdin } from './chart/support/promtool';
import { FakeTwilio, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { Scrape } from './support/prometheus';
import { describeWithRedis, RedisServer } from './support/redis-server';

/** Every family the gateway exports has series here: Redis store, a failover, refusals. */
describeWithRedis('metrics that fit Prometheus conventions, with Redis (e2e)', () => {
  let redis: RedisServer;
  let primary: FakeTwilio;
  let backup: FakeTwilio;
  let gateway: Gateway;
  let text: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    [primary, backup] = await Promise.all([FakeTwilio.start(), FakeTwilio.start()]);
    gateway = await startGateway(
      testConfig({
        providers: { 'twilio-a': twilioProvider(primary), 'twilio-b': twilioProvider(backup) },
        routing: { default: ['twilio-a', 'twilio-b'] },
        store: { driver: 'redis', redis: { url: redis.url } },
        protection: { rateLimits: [{ key: 'phone', limit: 5, windowSeconds: 60 }] },
      }),
    );
    await gateway.hook(hookRequest()).expect(200);
    primary.script(() => twilioError(503, 20503));
    await gateway.hook(hookRequest()).expect(200);
    await gateway.hook(hookRequest(), 'wrong-secret').expect(401);
    text = (await gateway.http().get('/metrics').expect(200)).text;
  });

  afterAll(async () => {
    await gateway.close();
    await Promise.all([redis.close(), primary.close(), backup.close()]);
  });

  it('should time every Redis command the store and the rate limiter send, by command', () => {
    const scrape = new Scrape(text);
    const count = (command: string) =>
      scrape.value('otg_redis_command_duration_seconds_count', { command });
    const commands = [
      ...text.matchAll(/^otg_redis_command_duration_seconds_count\{command="(\w+)"\}/gm),
    ];

    expect(commands.map((m) => m[1]).sort()).toEqual([
      'eval',
      'evalsha',
      'exec',
      'multi',
      'pexpire',
      'set',
      'zadd',
      'zremrangebyrank',
      'zremrangebyscore',
    ]);
    // Per hook: the claim, the record, its transaction index and the answer (SET); one rate
    // limit (a Lua script: EVAL the first time, EVALSHA once Redis has it); the delivery search
    // indexes, each one MULTI … EXEC.
    expect(count('set')).toBe(8);
    expect((count('eval') ?? 0) + (count('evalsha') ?? 0)).toBe(2);
    expect(
      scrape.value('otg_redis_command_duration_seconds_bucket', { command: 'set', le: '+Inf' }),
    ).toBe(8);
  });

  describePromtool('promtool check metrics', () => {
    it('should find nothing to say about a live scrape', () => {
      const result = promtoolStdin(['check', 'metrics'], text);

      expect([result.status, result.stdout, result.stderr]).toEqual([0, '', '']);
    });
  });
});
