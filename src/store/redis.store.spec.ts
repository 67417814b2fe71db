import { Logger } from '@nestjs/common';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisServer, describeWithRedis } from '../../test/support/redis-server';
import { StoreUnavailableError } from './key-value-store';
import { RedisConnection } from './redis-connection';
import { RedisStore } from './redis.store';
import { RedisConfig } from './store.config';

/** The store and idempotency log their warnings; the assertions say what matters. */
Logger.overrideLogger(false);

describeWithRedis(`${RedisStore.name} (outages and sharing)`, () => {
  let server: RedisServer;
  let connection: RedisConnection;
  let sut: RedisStore;

  beforeAll(async () => {
    server = await RedisServer.start();
    const config = Object.assign(new RedisConfig(), { url: server.url, commandTimeoutMs: 200 });
    connection = new RedisConnection(config);
    await connection.ready(5000);
    sut = new RedisStore(connection, 'otg-test:', config.commandTimeoutMs);
  });

  afterAll(async () => {
    await connection.close();
    await server.close();
  });

  it('should write every key under the prefix', async () => {
    await sut.set('k', { a: 1 }, 10_000);

    expect(await connection.client.get('otg-test:k')).toBe('{"a":1}');
  });

  it('should fail fast with StoreUnavailableError while Redis is down, then recover by itself', async () => {
    await server.stop();

    await expect(sut.get('k')).rejects.toThrow(StoreUnavailableError);
    await expect(sut.setIfAbsent('x', 1, 1000)).rejects.toThrow('store unavailable: ');
    expect(connection.available).toBe(false);

    await server.resume();
    await connection.ready(5000);

    expect(await sut.setIfAbsent('x', 1, 1000)).toBe(true);
  });

  it('should count as unavailable from a command Redis refuses while connected, until one succeeds', async () => {
    await sut.append('list', 1, 10_000, 5);

    await expect(sut.get('list')).rejects.toThrow('store unavailable: redis error WRONGTYPE');
    expect([connection.available, connection.lastProblem]).toEqual([
      false,
      'redis error WRONGTYPE',
    ]);

    await sut.get('k');
    expect([connection.available, connection.lastProblem]).toEqual([true, undefined]);
  });

  it('should give rate-limiter-flexible a client it can use', async () => {
    const limiter = new RateLimiterRedis({
      storeClient: connection.client,
      keyPrefix: 'otg-test:rl',
      points: 2,
      duration: 60,
    });

    await limiter.consume('phone');
    await limiter.consume('phone');

    await expect(limiter.consume('phone')).rejects.toMatchObject({ remainingPoints: 0 });
  });
});
