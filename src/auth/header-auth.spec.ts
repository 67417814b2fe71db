import fc from 'fast-check';
import { HeaderAuthConfig } from './auth.config';
import { HeaderAuthenticator } from './header-auth';

const header = (name: string, secrets: string[]): HeaderAuthConfig =>
  Object.assign(new HeaderAuthConfig(), { name, secrets });

describe(HeaderAuthenticator.name, () => {
  const sut = new HeaderAuthenticator([
    header('Authorization', ['current-secret', 'next-secret']),
    header('x-api-client-token', ['workflows-token']),
  ]);

  it('should accept every secret of a rotation, on a header name given in any case', () => {
    expect(sut.verify({ authorization: 'current-secret' })).toBe(true);
    expect(sut.verify({ authorization: 'next-secret' })).toBe(true);
    expect(sut.verify({ 'x-api-client-token': 'workflows-token' })).toBe(true);
  });

  it('should refuse a missing header, a wrong secret and a secret sent on the other header', () => {
    expect(sut.verify({})).toBe(false);
    expect(sut.verify({ authorization: 'current-secreT' })).toBe(false);
    expect(sut.verify({ authorization: 'workflows-token' })).toBe(false);
    expect(sut.verify({ authorization: '' })).toBe(false);
  });

  it('should refuse a header repeated with several values', () => {
    expect(sut.verify({ authorization: ['current-secret', 'current-secret'] })).toBe(false);
  });

  it('should never throw, whatever the length or characters of the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        expect(sut.verify({ authorization: value })).toBe(
          value === 'current-secret' || value === 'next-secret',
        );
      }),
    );
  });

  it('should accept a non-ASCII secret exactly', () => {
    const unicode = new HeaderAuthenticator([header('authorization', ['clé-☃-秘密'])]);

    expect(unicode.verify({ authorization: 'clé-☃-秘密' })).toBe(true);
    expect(unicode.verify({ authorization: 'cle-☃-秘密' })).toBe(false);
  });
});
