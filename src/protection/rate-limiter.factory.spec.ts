import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { describeWithRedis, RedisServer } from '../../test/support/redis-server';
import { DeliveryRequest } from '../delivery/delivery.types';
import { normalizePhoneNumber } from '../phone/phone-number';
import { StoreUnavailableError } from '../store/key-value-store';
import { RedisConnection } from '../store/redis-connection';
import { RedisConfig, StoreConfig } from '../store/store.config';
import { StoreBackend } from '../store/store.runtime';
import { RateLimitRuleConfig } from './protection.config';
import { SYSTEM_CLOCK } from '../common/clock';
import { RateLimitPolicy } from './rate-limit.policy';
import { RateLimitRule } from './rate-limit.rule';
import { createLimiter } from './rate-limiter.factory';

/** The connection logs Redis going away; the assertions say what matters. */
Logger.overrideLogger(false);

const request: DeliveryRequest = { channel: 'sms', phoneNumber: '+447400123456', code: '1' };
const phone = normalizePhoneNumber('+447400123456', 'US')!;
const perPhone = plainToInstance(RateLimitRuleConfig, {
  key: 'phone',
  limit: 2,
  windowSeconds: 60,
});
const store = (onUnavailable: 'fail-open' | 'fail-closed') =>
  Object.assign(new StoreConfig(), { onUnavailable });
let sequence = 0;

describe(createLimiter.name, () => {
  it('should count in process for the memory store', () => {
    const sut = createLimiter(
      { name: 'p', limit: 2, windowSeconds: 60 },
      { driver: 'memory' },
      store('fail-open'),
    );

    expect(sut).toBeInstanceOf(RateLimiterMemory);
  });
});

describeWithRedis(`${createLimiter.name} on Redis`, () => {
  let server: RedisServer;
  let connections: RedisConnection[];
  let down = false;

  beforeAll(async () => {
    server = await RedisServer.start();
  });

  beforeEach(() => {
    connections = [];
  });

  afterEach(async () => {
    if (down) await server.resume();
    down = false;
    for (const connection of connections) await connection.close();
  });

  afterAll(async () => {
    await server.close();
  });

  /** A replica: its own connection, its own limiter, the test's key prefix. */
  const replica = async (prefix: string, onUnavailable: 'fail-open' | 'fail-closed') => {
    const connection = new RedisConnection(Object.assign(new RedisConfig(), { url: server.url }));
    connections.push(connection);
    await connection.ready(5000);
    const backend: StoreBackend = { driver: 'redis', client: connection.client, keyPrefix: prefix };
    const limiter = createLimiter(
      { name: 'phone', limit: 2, windowSeconds: 60 },
      backend,
      store(onUnavailable),
    );
    return {
      connection,
      limiter,
      policy: new RateLimitPolicy([new RateLimitRule(perPhone, limiter)], SYSTEM_CLOCK),
    };
  };
  const prefix = () => `otg-rl-test-${++sequence}:`;
  const whenDown = async (connection: RedisConnection) => {
    await server.stop();
    down = true;
    while (connection.available) await new Promise((r) => setTimeout(r, 10));
  };

  it('should share one count between replicas, under the store key prefix', async () => {
    const keys = prefix();
    const a = await replica(keys, 'fail-open');
    const b = await replica(keys, 'fail-open');

    expect(a.limiter).toBeInstanceOf(RateLimiterRedis);
    expect(await a.policy.consume(request, phone, true)).toBeUndefined();
    expect(await b.policy.consume(request, phone, true)).toBeUndefined();
    expect((await b.policy.consume(request, phone, true))?.map((f) => f.rule)).toEqual([
      'rate-limit:phone:2/60s',
    ]);
    expect(await a.connection.client.keys(`${keys}rl:phone:*`)).toHaveLength(1);
  });

  it('should count in process while Redis is down with fail-open', async () => {
    const a = await replica(prefix(), 'fail-open');
    await whenDown(a.connection);

    expect(await a.policy.consume(request, phone, true)).toBeUndefined();
    expect(await a.policy.consume(request, phone, true)).toBeUndefined();
    expect((await a.policy.consume(request, phone, true))?.map((f) => f.rule)).toEqual([
      'rate-limit:phone:2/60s',
    ]);
  });

  it('should refuse to count while Redis is down with fail-closed', async () => {
    const a = await replica(prefix(), 'fail-closed');
    await whenDown(a.connection);

    await expect(a.policy.consume(request, phone, true)).rejects.toThrow(StoreUnavailableError);
  });

  it('should remember a key over its limit in process, with no round trip until its window ends', async () => {
    const a = await replica(prefix(), 'fail-closed');
    for (let i = 0; i < 3; i++) await a.policy.consume(request, phone, true);
    await whenDown(a.connection);

    expect((await a.policy.consume(request, phone, true))?.map((f) => f.rule)).toEqual([
      'rate-limit:phone:2/60s',
    ]);
  });
});
