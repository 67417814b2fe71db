import { Logger } from '@nestjs/common';
import { RedisServer, describeWithRedis } from '../../test/support/redis-server';
import { IndexBounds, KeyValueStore } from './key-value-store';
import { MemoryStore } from './memory.store';
import { RedisConnection } from './redis-connection';
import { RedisStore } from './redis.store';
import { RedisConfig } from './store.config';

Logger.overrideLogger(false);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BOUNDS: IndexBounds = { ttlMs: 10_000, maxLength: 100, minScore: 0 };
const ALL = { min: 0, max: Number.MAX_SAFE_INTEGER, limit: 100 };
let sequence = 0;

/** The sorted-index part of the store contract; the same body runs on memory and on Redis. */
function keepsTheIndexContract(sut: () => KeyValueStore): void {
  let key: string;
  beforeEach(() => (key = `index:${++sequence}`));

  it('should read highest scores first, equal scores by member descending, within the range', async () => {
    for (const [member, score] of [
      ['a', 10],
      ['b', 30],
      ['c', 20],
      ['d', 20],
      ['e', 40],
    ] as const) {
      await sut().addToIndex(key, { member, score }, BOUNDS);
    }

    expect(await sut().readIndex(key, ALL)).toEqual([
      { member: 'e', score: 40 },
      { member: 'b', score: 30 },
      { member: 'd', score: 20 },
      { member: 'c', score: 20 },
      { member: 'a', score: 10 },
    ]);
    expect(await sut().readIndex(key, { min: 20, max: 30, limit: 2 })).toEqual([
      { member: 'b', score: 30 },
      { member: 'd', score: 20 },
    ]);
    expect(await sut().readIndex(key, { min: 11, max: 19, limit: 10 })).toEqual([]);
    expect(await sut().readIndex('index:absent', ALL)).toEqual([]);
  });

  it('should move a member added again to its new score', async () => {
    await sut().addToIndex(key, { member: 'a', score: 1 }, BOUNDS);
    await sut().addToIndex(key, { member: 'b', score: 2 }, BOUNDS);
    await sut().addToIndex(key, { member: 'a', score: 3 }, BOUNDS);

    expect(await sut().readIndex(key, ALL)).toEqual([
      { member: 'a', score: 3 },
      { member: 'b', score: 2 },
    ]);
  });

  it('should keep the maxLength highest scores and drop those below minScore', async () => {
    const bounds = { ttlMs: 10_000, maxLength: 3, minScore: 0 };
    for (const score of [5, 1, 4, 2, 3]) {
      await sut().addToIndex(key, { member: `m${score}`, score }, bounds);
    }
    expect((await sut().readIndex(key, ALL)).map((e) => e.score)).toEqual([5, 4, 3]);

    await sut().addToIndex(key, { member: 'm6', score: 6 }, { ...bounds, minScore: 5 });

    expect((await sut().readIndex(key, ALL)).map((e) => e.score)).toEqual([6, 5]);
  });

  it('should forget the index after its time to live since the last add', async () => {
    await sut().addToIndex(key, { member: 'a', score: 1 }, { ...BOUNDS, ttlMs: 50 });
    await sleep(120);

    expect(await sut().readIndex(key, ALL)).toEqual([]);
  });
}

describe(`${MemoryStore.name} (sorted index)`, () => {
  const store = new MemoryStore(10_000);
  keepsTheIndexContract(() => store);
});

describeWithRedis(`${RedisStore.name} (sorted index)`, () => {
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

  keepsTheIndexContract(() => store);

  it('should keep the index as one sorted set under the prefix (no SCAN needed to read it)', async () => {
    await store.addToIndex('index:type', { member: 'a', score: 1 }, BOUNDS);

    expect(await connection.client.type('test:index:type')).toBe('zset');
    expect(await connection.client.pttl('test:index:type')).toBeGreaterThan(9000);
  });
});
