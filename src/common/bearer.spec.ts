import { bearerToken } from './bearer';

describe(bearerToken.name, () => {
  it.each([
    ['Bearer abc.def-ghi_j', 'abc.def-ghi_j'],
    ['bearer abc', 'abc'],
    ['BEARER  abc ', 'abc'],
  ])('should read the token of %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([undefined, '', 'Basic abc', 'Bearer', 'Bearer a b', 'Bearerabc'])(
    'should find no token in %j',
    (header) => {
      expect(bearerToken(header)).toBeUndefined();
    },
  );
});
