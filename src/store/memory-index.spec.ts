import fc from 'fast-check';
import { IndexEntry } from './key-value-store';
import { MemoryIndex } from './memory-index';

const bounds = (maxLength: number, minScore = 0) => ({ ttlMs: 60_000, maxLength, minScore });

describe(MemoryIndex.name, () => {
  it('should keep the newest entries, in order, after trimming thousands off the front', () => {
    const sut = new MemoryIndex();
    for (let i = 0; i < 3_000; i++) sut.add({ member: `d${i}`, score: i }, bounds(100));

    const kept = sut.read({ min: 0, max: Number.MAX_SAFE_INTEGER, limit: 1_000 });

    expect(kept.map((e) => e.member)).toEqual(
      Array.from({ length: 100 }, (_, i) => `d${2_999 - i}`),
    );
  });

  it('should hold what a sorted list holds, over any adds, re-adds and trims', () => {
    const add = fc.record({ member: fc.constantFrom('a', 'b', 'c', 'd', 'e'), score: fc.nat(20) });
    fc.assert(
      fc.property(fc.array(add, { maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (adds, max) => {
        const sut = new MemoryIndex();
        let model: IndexEntry[] = [];
        for (const entry of adds) {
          sut.add(entry, bounds(max));
          model = [...model.filter((e) => e.member !== entry.member), entry]
            .sort((x, y) => x.score - y.score || (x.member < y.member ? -1 : 1))
            .slice(-max);
        }

        expect(sut.read({ min: 0, max: 100, limit: 100 })).toEqual([...model].reverse());
      }),
    );
  });
});
