import fc from 'fast-check';
import { DepthGauge } from './depth-gauge';
import { MAX_JSON_DEPTH } from './json-scanner';

/** The offset the gauge reports for `text` split into chunks at `cuts`. */
function gauge(text: string, cuts: number[] = []): number {
  const bytes = Buffer.from(text);
  const sut = new DepthGauge();
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    const found = sut.feed(bytes.subarray(from, cut));
    if (found >= 0) return found;
    from = cut;
  }
  return sut.feed(bytes.subarray(from));
}

function nesting(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [at, depth] = pending.pop()!;
    if (typeof at !== 'object' || at === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(at)) pending.push([child, depth + 1]);
  }
  return deepest;
}

describe(DepthGauge.name, () => {
  it('should pass exactly the JSON texts nested no deeper than the limit, however they are split', () => {
    const text = fc.oneof(
      fc.json(),
      fc
        .array(fc.boolean(), { minLength: MAX_JSON_DEPTH - 2, maxLength: MAX_JSON_DEPTH + 2 })
        .map((levels) =>
          levels.reduceRight(
            (inner, object) => (object ? `{"[\\\\":${inner}}` : `["]",${inner}]`),
            '0',
          ),
        ),
    );
    fc.assert(
      fc.property(text, fc.array(fc.nat({ max: 300 }), { maxLength: 5 }), (json, cuts) => {
        const within = nesting(JSON.parse(json)) <= MAX_JSON_DEPTH;
        expect(gauge(json, cuts) === -1).toBe(within);
      }),
      { numRuns: 2000 },
    );
  });

  it('should skip escaped quotes and backslashes wherever a chunk ends', () => {
    const tricky = JSON.stringify({ 'a"\\[': ['\\"[{', '\\\\', '"]}'] });
    const atLimit = '['.repeat(MAX_JSON_DEPTH - 2) + tricky + ']'.repeat(MAX_JSON_DEPTH - 2);
    const overLimit = `[${atLimit}]`;

    for (let cut = 1; cut < Buffer.byteLength(overLimit); cut++) {
      expect(gauge(atLimit, [cut, cut + 1])).toBe(-1);
      // The object is level 64; the array in it, after the key's escaped quote, is one too many.
      expect(gauge(overLimit, [cut, cut + 1])).toBe(overLimit.indexOf(':[') + 1);
    }
  });

  it('should point at the bracket that goes one level too deep, across chunks', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 10);

    expect(gauge(deep, [10, 30, 50])).toBe(MAX_JSON_DEPTH);
  });
});
