import { IndexBounds, KeyValueStore } from '../../src/store/key-value-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let sequence = 0;
const BOUNDS: IndexBounds = { ttlMs: 10_000, maxLength: 100, minScore: 0 };
const ALL = { min: 0, max: Number.MAX_SAFE_INTEGER, limit: 100 };

/**
 * The one contract both drivers keep; the same body runs against memory, a real redis-server
 * and a real Redis Cluster (where an operation over keys of several slots would fail). Each
 * test uses fresh keys, so the stores are shared across tests.
 */
export function keepsTheContract(sut: () => KeyValueStore): void {
  let key: (name: string) => string;
  beforeEach(() => {
    const run = ++sequence;
    key = (name) => `contract:${run}:${name}`;
  });

  it('should return what was set and nothing for an unknown key', async () => {
    await sut().set(key('a'), { n: 1, list: ['x'], nested: { ok: true } }, 10_000);

    expect(await sut().get(key('a'))).toEqual({ n: 1, list: ['x'], nested: { ok: true } });
    expect(await sut().get(key('nope'))).toBeUndefined();
  });

  it('should overwrite on set and forget on delete', async () => {
    await sut().set(key('a'), 'one', 10_000);
    await sut().set(key('a'), 'two', 10_000);
    expect(await sut().get(key('a'))).toBe('two');

    await sut().delete(key('a'));
    expect(await sut().get(key('a'))).toBeUndefined();
  });

  it('should let exactly one of many concurrent setIfAbsent calls win', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sut().setIfAbsent(key('claim'), { owner: i }, 10_000)),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await sut().get(key('claim'))).toEqual({ owner: results.indexOf(true) });
  });

  it('should forget a value after its time to live', async () => {
    await sut().set(key('a'), 1, 50);
    await sut().setIfAbsent(key('b'), 1, 50);
    await sut().append(key('c'), 1, 50, 10);
    await sleep(120);

    expect(await sut().get(key('a'))).toBeUndefined();
    expect(await sut().setIfAbsent(key('b'), 2, 10_000)).toBe(true);
    expect(await sut().list(key('c'))).toEqual([]);
  });

  it('should only move a ranked value forward', async () => {
    expect(await sut().advance(key('s'), { rank: 2, value: 'sent' }, 10_000)).toBe(true);
    expect(await sut().advance(key('s'), { rank: 1, value: 'queued' }, 10_000)).toBe(false);
    expect(await sut().advance(key('s'), { rank: 2, value: 'again' }, 10_000)).toBe(false);
    expect(await sut().get(key('s'))).toEqual({ rank: 2, value: 'sent' });

    expect(await sut().advance(key('s'), { rank: 3, value: 'delivered' }, 10_000)).toBe(true);
    expect(await sut().get(key('s'))).toEqual({ rank: 3, value: 'delivered' });
  });

  it('should end on the highest rank whatever order concurrent advances arrive in', async () => {
    const ranks = [5, 2, 9, 1, 7, 3, 8, 4, 6];

    await Promise.all(ranks.map((rank) => sut().advance(key('s'), { rank }, 10_000)));

    expect(await sut().get(key('s'))).toEqual({ rank: 9 });
  });

  it('should keep the first expiry when a ranked value advances', async () => {
    await sut().advance(key('s'), { rank: 1 }, 80);
    await sut().advance(key('s'), { rank: 2 }, 60_000);
    await sleep(150);

    expect(await sut().get(key('s'))).toBeUndefined();
  });

  it('should append in order and keep only the last maxLength items', async () => {
    for (const n of [1, 2, 3, 4]) await sut().append(key('l'), { n }, 10_000, 3);

    expect(await sut().list(key('l'))).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
    expect(await sut().list(key('none'))).toEqual([]);
  });

  it('should add to counters, return their new values and read them all back', async () => {
    expect(await sut().increment(key('c'), { sent: 1, verified: 0 }, 10_000)).toEqual({
      sent: 1,
      verified: 0,
    });
    expect(await sut().increment(key('c'), { sent: 2, verified: -1 }, 10_000)).toEqual({
      sent: 3,
      verified: -1,
    });

    expect(await sut().counters(key('c'))).toEqual({ sent: 3, verified: -1 });
    expect(await sut().counters(key('none'))).toEqual({});
  });

  it('should count many concurrent increments exactly', async () => {
    await Promise.all(
      Array.from({ length: 50 }, () => sut().increment(key('c'), { n: 1 }, 10_000)),
    );

    expect(await sut().counters(key('c'))).toEqual({ n: 50 });
  });

  it('should forget counters after their time to live', async () => {
    await sut().increment(key('c'), { n: 1 }, 50);
    await sleep(120);

    expect(await sut().counters(key('c'))).toEqual({});
  });

  it('should fold buckets that left the window into a decaying history', async () => {
    await sut().increment(key('w'), { 's:10': 8, 'v:10': 4, 's:12': 2, 's:14': 1 }, 10_000);
    const fold = { windowBuckets: 2, decay: 0.5 };

    expect(await sut().counters(key('w'), { ...fold, bucket: 14 })).toEqual({
      s: 8 * 0.5 ** 4 + 2 * 0.5 ** 2,
      v: 4 * 0.5 ** 4,
      's:14': 1,
      '@': 14,
    });
    expect(await sut().counters(key('w'), { ...fold, bucket: 14 })).toEqual({
      s: 1,
      v: 0.25,
      's:14': 1,
      '@': 14,
    });

    await sut().increment(key('w'), { 'v:14': 1 }, 10_000);
    expect(await sut().counters(key('w'), { ...fold, bucket: 16 })).toEqual({
      s: 0.25 + 0.25,
      v: 0.0625 + 0.25,
      '@': 16,
    });
  });

  it('should leave counters as they are when nothing is old enough to fold', async () => {
    await sut().increment(key('w'), { 's:20': 3 }, 10_000);

    expect(await sut().counters(key('w'), { bucket: 21, windowBuckets: 5, decay: 0.9 })).toEqual({
      's:20': 3,
    });
  });
}

/** The sorted-index part of the store contract; the same body runs on memory and on Redis. */
export function keepsTheIndexContract(sut: () => KeyValueStore): void {
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
