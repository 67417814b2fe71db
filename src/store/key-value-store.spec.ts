import { Logger } from '@nestjs/common';
import { RedisServer, describeWithRedis } from '../../test/support/redis-server';
import { keepsTheContract, keepsTheIndexContract } from '../../test/support/store-contract';
import { MemoryStore } from './memory.store';
import { RedisConnection } from './redis-connection';
import { RedisStore } from './redis.store';
import { RedisConfig } from './store.config';

/** The store and idempotency log their warnings; the assertions say what matters. */
Logger.overrideLogger(false);

describe(MemoryStore.name, () => {
  const store = new MemoryStore(10_000);
  keepsTheContract(() => store);
  keepsTheIndexContract(() => store);
});

describeWithRedis(RedisStore.name, () => {
  let server: RedisServer;
  let connection: RedisConnection;
  let store: RedisStore;

  beforeAll(async () => {
    server = await RedisServer.start();
    connection = new RedisConnection(Object.assign(new RedisConfig(), { url: server.url }));
    await connection.ready(5000);
    store = new RedisStore(connection, 'test:', 500);
  });

  afterAll(async () => {
    await connection.close();
    await server.close();
  });

  keepsTheContract(() => store);
  keepsTheIndexContract(() => store);

  it('should keep the index as one sorted set under the prefix (no SCAN needed to read it)', async () => {
    await store.addToIndex(
      'index:type',
      { member: 'a', score: 1 },
      { ttlMs: 10_000, maxLength: 100, minScore: 0 },
    );

    expect(await connection.client.type('test:index:type')).toBe('zset');
    expect(await connection.client.pttl('test:index:type')).toBeGreaterThan(9000);
  });
});
