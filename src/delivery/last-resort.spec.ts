import { pickLastResort } from './last-resort';

describe(pickLastResort.name, () => {
  it('should pick the provider whose breaker reopens first', () => {
    expect(
      pickLastResort([
        { provider: 'a', reopensAt: 300, vendorAsked: false },
        { provider: 'b', reopensAt: 100, vendorAsked: false },
        { provider: 'c', reopensAt: 200, vendorAsked: false },
      ]),
    ).toBe('b');
  });

  it('should never override a pause the vendor asked for', () => {
    expect(
      pickLastResort([
        { provider: 'a', reopensAt: 300, vendorAsked: false },
        { provider: 'b', reopensAt: 100, vendorAsked: true },
      ]),
    ).toBe('a');
    expect(pickLastResort([{ provider: 'b', reopensAt: 100, vendorAsked: true }])).toBeUndefined();
    expect(pickLastResort([])).toBeUndefined();
  });
});
