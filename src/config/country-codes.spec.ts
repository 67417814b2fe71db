import { problemsOf } from '../../test/support/config-files';
import { checkCountries } from './country-codes';

const BASE = {
  hook: { auth: { headers: [{ name: 'authorization', secrets: ['hook-secret-0123456789'] }] } },
  providers: { c: { type: 'console' } },
  routing: { default: ['c'] },
};

describe(checkCountries.name, () => {
  it('should refuse UK in a routing rule with the message protection gives, by position', () => {
    expect(
      problemsOf({
        ...BASE,
        routing: {
          default: ['c'],
          rules: [{ match: { countries: ['GB', 'UK'] }, providers: ['c'] }],
        },
      }),
    ).toEqual([
      'routing.rules[0].match.countries[1]: not a country libphonenumber knows (the United Kingdom is GB)',
    ]);
  });

  it('should check every key that names countries the same way, without quoting the code', () => {
    expect(
      problemsOf({
        ...BASE,
        routing: { default: ['c'], rules: [{ match: { countries: ['ie'] }, providers: ['c'] }] },
        protection: { defaultRegion: 'XX', countries: { allow: ['GB'], deny: ['UK'] } },
      }),
    ).toEqual([
      'protection.defaultRegion: not a country libphonenumber knows (the United Kingdom is GB)',
      'protection.countries.deny[0]: not a country libphonenumber knows (the United Kingdom is GB)',
      'routing.rules[0].match.countries[0]: country codes are upper case; did you mean "IE"?',
    ]);
  });

  it("should check the rate-limit rules' countries and the overrides of a rule that counts by country", () => {
    expect(
      problemsOf({
        ...BASE,
        protection: {
          rateLimits: [
            { key: 'country', limit: 50, windowSeconds: 3600, countries: ['IN', 'in'] },
            {
              key: 'country',
              limit: 5,
              windowSeconds: 900,
              overrides: [
                { match: 'GB', limit: 9 },
                { match: 'uk', limit: 9 },
              ],
            },
            { key: 'user', limit: 5, windowSeconds: 900, overrides: [{ match: 'uk', limit: 9 }] },
          ],
        },
      }),
    ).toEqual([
      'protection.rateLimits[0].countries[1]: country codes are upper case; did you mean "IN"?',
      'protection.rateLimits[1].overrides[1].match: not a country libphonenumber knows (the United Kingdom is GB)',
    ]);
  });

  it('should leave a list that is not one to its own rule', () => {
    expect(
      problemsOf({
        ...BASE,
        routing: { default: ['c'], rules: [{ match: { countries: 'GB' }, providers: ['c'] }] },
      }),
    ).toEqual(['routing.rules[0].match.countries: must be an array']);
  });
});
