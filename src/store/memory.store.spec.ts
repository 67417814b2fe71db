import { MemoryStore } from './memory.store';

describe(MemoryStore.name, () => {
  let now = 0;
  const clock = () => now;

  beforeEach(() => (now = 1_000_000));

  it('should evict the least recently written entry once maxEntries is reached', async () => {
    const sut = new MemoryStore(3, clock);
    await sut.set('a', 1, 60_000);
    await sut.set('b', 2, 60_000);
    await sut.set('c', 3, 60_000);
    await sut.set('a', 10, 60_000);

    await sut.set('d', 4, 60_000);

    expect(sut.size).toBe(3);
    expect(await sut.get('b')).toBeUndefined();
    expect([await sut.get('a'), await sut.get('c'), await sut.get('d')]).toEqual([10, 3, 4]);
  });

  it('should drop expired entries on later writes, without being read', async () => {
    const sut = new MemoryStore(100, clock);
    await sut.set('old-1', 1, 10);
    await sut.set('old-2', 2, 10);
    now += 11;

    await sut.set('new', 3, 10);

    expect(sut.size).toBe(1);
  });

  it('should keep the value it was given, without copying it', async () => {
    const sut = new MemoryStore(100, clock);
    const value = { outcome: 'sent' };
    await sut.set('k', value, 10);

    expect(await sut.get('k')).toBe(value);
  });
});
