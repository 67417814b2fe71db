import { heapShortfall } from './memory-budget';

const MB = 1024 * 1024;

describe(heapShortfall.name, () => {
  it('should find nothing when a full store fits the heap the image allows', () => {
    expect(heapShortfall(20_000, 184 * MB)).toBeUndefined();
  });

  it('should give what a full store needs and what the process may use when it does not fit', () => {
    expect(heapShortfall(200_000, 184 * MB)).toEqual({
      maxEntries: 200_000,
      neededHeapMb: 273,
      heapLimitMb: 184,
    });
  });
});
