import fc from 'fast-check';
import { inChunks, nestingOf } from '../../test/support/json-chunks';
import { DepthGauge } from './depth-gauge';
import { MAX_JSON_DEPTH } from './json-scanner';

/** The offset the gauge reports for `text` split into chunks at `cuts`. */
function gauge(text: string, cuts: number[] = []): number {
  const sut = new DepthGauge();
  for (const chunk of inChunks(text, cuts)) {
    const found = sut.feed(chunk);
    if (found >= 0) return found;
  }
  return -1;
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
        const within = nestingOf(JSON.parse(json)) <= MAX_JSON_DEPTH;
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
