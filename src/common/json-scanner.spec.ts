import fc from 'fast-check';
import { inChunks, nestingOf } from '../../test/support/json-chunks';
import { JsonScanner, MAX_JSON_DEPTH } from './json-scanner';

/** Scans `text` split at `cuts` (byte offsets), as chunks arrive from a socket. */
function scan(text: string | Buffer, cuts: number[] = []) {
  const sut = new JsonScanner();
  for (const chunk of inChunks(text, cuts)) sut.feed(chunk);
  return sut.end();
}

function parses(text: string): boolean {
  try {
    return nestingOf(JSON.parse(text)) <= MAX_JSON_DEPTH;
  } catch {
    return false;
  }
}

/** JSON texts with one character dropped, doubled or replaced: mostly near misses. */
const mangled = fc
  .tuple(
    fc.json(),
    fc.nat(),
    fc.constantFrom('drop', 'double', 'replace'),
    fc.string({ maxLength: 1 }),
  )
  .map(([text, at, how, other]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
    if (how === 'double') return text.slice(0, i + 1) + text.slice(i);
    return text.slice(0, i) + other + text.slice(i + 1);
  });

/** Arrays and objects nested around the limit, in any mix. */
const aroundTheLimit = fc
  .array(fc.boolean(), { minLength: MAX_JSON_DEPTH - 3, maxLength: MAX_JSON_DEPTH + 3 })
  .map((levels) =>
    levels.reduceRight((inner, isObject) => (isObject ? `{"k":${inner}}` : `[1,${inner}]`), '0'),
  );

describe(JsonScanner.name, () => {
  it('should accept exactly what JSON.parse accepts, however the body is split', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          mangled,
          aroundTheLimit,
          fc.string(),
          fc.constantFrom(' 1 ', '-0.5e+7', '"\\u00e9"'),
        ),
        fc.array(fc.nat({ max: 64 }), { maxLength: 4 }),
        (text, cuts) => {
          expect(scan(text, cuts) === undefined).toBe(parses(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it(`should accept ${MAX_JSON_DEPTH} levels and refuse one more, at the bracket that goes too deep`, () => {
    const deepest = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);

    expect(scan(deepest)).toBeUndefined();
    expect(scan(`{"a":${'['.repeat(MAX_JSON_DEPTH)}`)).toEqual({
      kind: 'depth',
      reason: `the body is nested deeper than ${MAX_JSON_DEPTH} levels`,
      offset: 5 + MAX_JSON_DEPTH - 1,
      line: 1,
      column: 5 + MAX_JSON_DEPTH,
    });
  });

  it('should stop at the first problem of a body a million levels deep without reading on', () => {
    const sut = new JsonScanner();

    const problem = sut.feed(Buffer.alloc(1_000_000, '['));

    expect(problem?.offset).toBe(MAX_JSON_DEPTH);
  });

  it.each([
    ['', 'the body is empty', 0, 1, 1],
    [' \n ', 'the body is empty', 3, 2, 2],
    ['{"a" 1}', "expected ':' after a property name", 5, 1, 6],
    ['{"a":1,}', 'expected a property name in double quotes', 7, 1, 8],
    ['[1,2', 'the body ends before the JSON does', 4, 1, 5],
    ['{\n  "code": "123456\n"}', 'a string contains a control character', 19, 2, 18],
    ['{"a":tru}', 'expected a JSON value', 8, 1, 9],
    ['[01]', 'a number is not valid', 3, 1, 4],
    ['{}x', 'unexpected data after the JSON value', 2, 1, 3],
    ['"abc', 'a string is not closed', 4, 1, 5],
    ['"\\x"', 'a string has an invalid escape sequence', 2, 1, 3],
    ['phoneNumber=%2B14155552671', 'expected a JSON value', 0, 1, 1],
  ])(
    'should say what is wrong with %j and where, without its content',
    (text, reason, offset, line, column) => {
      expect(scan(text)).toEqual({ kind: 'syntax', reason, offset, line, column });
    },
  );

  it('should accept a leading UTF-8 byte order mark', () => {
    expect(
      scan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":[]}')])),
    ).toBeUndefined();
  });
});
