import fc from 'fast-check';
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

  it('should keep exactly the most recently written keys, like a plain list, over any writes', async () => {
    const writes = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f', 'g'), {
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(writes, fc.integer({ min: 1, max: 4 }), async (keys, max) => {
        const sut = new MemoryStore(max, clock);
        let model: string[] = [];
        for (const [i, key] of keys.entries()) {
          await sut.set(key, i, 60_000);
          model = [...model.filter((k) => k !== key), key].slice(-max);
        }

        const kept = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => sut.get(k)));
        const expected = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) =>
          model.includes(k) ? keys.lastIndexOf(k) : undefined,
        );
        expect(kept).toEqual(expected);
        expect(sut.size).toBe(model.length);
      }),
    );
  });

  it('should drop expired entries as writes go on, however many were written before', async () => {
    const sut = new MemoryStore(1_000_000, clock);
    for (let i = 0; i < 5_000; i++) {
      await sut.set(`k${i}`, i, 10);
      now += 1;
    }

    expect(sut.size).toBeLessThanOrEqual(20);
  });
});
