import { safeEqual } from './safe-equal';

describe(safeEqual.name, () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', '', true],
    ['é', 'é', true],
  ])('should compare %j with %j as %s', (a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });
});
