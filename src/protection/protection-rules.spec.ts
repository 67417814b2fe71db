import { checkCountries } from '../config/country-codes';
import { validateConfig } from '../config/validate-config';
import { checkProtection } from './protection-rules';

/**
 * The problems of a `protection` section: its own validation, then the checks across keys, the
 * one country-code check of every key that names countries first (as the boot runs them).
 */
function problemsOf(protection: Record<string, unknown>): string[] {
  const { config, problems } = validateConfig({ routing: { default: ['c'] }, protection });
  return problems.length > 0
    ? problems
    : [...checkCountries(config), ...checkProtection(config.protection)];
}

describe(checkProtection.name, () => {
  it('should accept the recommended configuration', () => {
    expect(
      problemsOf({
        countries: { allow: ['US', 'GB', 'DE', 'FR'], nonGeographic: 'deny' },
        numberTypes: { deny: ['PREMIUM_RATE', 'SHARED_COST', 'UAN', 'VOICEMAIL', 'PAGER'] },
        invalidNumbers: 'block',
        rateLimits: [
          { key: 'phone', limit: 5, windowSeconds: 900 },
          { key: 'phone', limit: 10, windowSeconds: 86_400 },
          { key: 'user', limit: 10, windowSeconds: 3600 },
          { key: 'ip', limit: 20, windowSeconds: 3600 },
          {
            key: 'prefix',
            prefixDigits: 7,
            limit: 30,
            windowSeconds: 3600,
            requestTypes: ['com.okta.user.telephony.pre-enrollment'],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('should want prefixDigits on a prefix rule and nowhere else', () => {
    expect(
      problemsOf({
        rateLimits: [
          { key: 'prefix', limit: 30, windowSeconds: 3600 },
          { key: 'phone', limit: 5, windowSeconds: 900, prefixDigits: 6 },
        ],
      }),
    ).toEqual([
      'protection.rateLimits[0].prefixDigits: required for key prefix',
      'protection.rateLimits[1].prefixDigits: only for key prefix',
    ]);
  });

  it('should want a name for two rules that would otherwise share one (and their counters)', () => {
    const sms = { key: 'phone', limit: 5, windowSeconds: 900, channels: ['sms'] };
    const voice = { ...sms, channels: ['voice'] };

    expect(problemsOf({ rateLimits: [sms, voice] })).toEqual([
      'protection.rateLimits[1]: same name as rateLimits[0]; give one of them a name',
    ]);
    expect(problemsOf({ rateLimits: [sms, { ...voice, name: 'phone-voice' }] })).toEqual([]);
  });

  it('should refuse a window longer than 24 days, a name with spaces and unknown modes', () => {
    expect(
      problemsOf({
        invalidNumbers: 'maybe',
        countries: { nonGeographic: 'sometimes' },
        rateLimits: [{ name: 'per phone', key: 'phone', limit: 5, windowSeconds: 2_592_000 }],
      }),
    ).toEqual([
      'protection.invalidNumbers: must be one of the following values: block, allow',
      'protection.countries.nonGeographic: must be one of the following values: allow, deny',
      'protection.rateLimits[0].name: must be 1-64 letters, digits or . _ : / -',
      'protection.rateLimits[0].windowSeconds: must be an integer from 1 to 2073600',
    ]);
  });
});

describe(`${checkProtection.name}: trusted, overrides, countries, adaptive`, () => {
  it('should accept overrides that fit their keys, trusted ranges and networks, and adaptive', () => {
    expect(
      problemsOf({
        rateLimits: [
          {
            key: 'ip',
            limit: 20,
            windowSeconds: 3600,
            overrides: [{ match: '203.0.113.0/24', limit: 500 }],
          },
          { key: 'country', limit: 50, windowSeconds: 3600, countries: ['IN'] },
          {
            key: 'prefix',
            prefixDigits: 8,
            limit: 10,
            windowSeconds: 3600,
            requestTypes: ['enrollment'],
            overrides: [{ match: '+44 20 7946', limit: 300 }],
          },
        ],
        trusted: { ranges: ['+44 20 7946 0'], networks: ['203.0.113.0/24', '2001:db8:4::/48'] },
        adaptive: { enabled: true },
      }),
    ).toEqual([]);
  });

  it('should name every override, country, network and adaptive setting that cannot work', () => {
    expect(
      problemsOf({
        rateLimits: [
          {
            key: 'ip',
            limit: 20,
            windowSeconds: 3600,
            countries: ['UK'],
            overrides: [{ match: '203.0.113.0/33', limit: 500 }],
          },
          { key: 'phone', limit: 5, windowSeconds: 900, overrides: [{ match: 'IN', limit: 9 }] },
          { key: 'country', limit: 5, windowSeconds: 900, overrides: [{ match: 'XX', limit: 9 }] },
        ],
        trusted: { networks: ['300.0.113.0/24'] },
        adaptive: {
          enabled: true,
          windowSeconds: 600,
          settleSeconds: 600,
          watchSeconds: 7200,
          maxWatchSeconds: 3600,
          requestTypes: [],
        },
      }),
    ).toEqual([
      'protection.rateLimits[0].countries[0]: not a country libphonenumber knows (the United Kingdom is GB)',
      'protection.rateLimits[2].overrides[0].match: not a country libphonenumber knows (the United Kingdom is GB)',
      'protection.rateLimits[0].overrides[0].match: prefix length must be 0 to 32',
      'protection.rateLimits[1].overrides[0].match: must be an E.164 prefix such as "+44 20 7946" for this key',
      'protection.trusted.networks[0]: not an IP address',
      'protection.adaptive.settleSeconds: must be shorter than windowSeconds',
      'protection.adaptive.watchSeconds: must not be longer than maxWatchSeconds',
      'protection.adaptive.requestTypes: name at least one request type to watch',
    ]);
  });

  it('should refuse shares outside 0.01 to 1 and range digits outside 1 to 12', () => {
    expect(
      problemsOf({ adaptive: { expectedRatio: 1.5, dropFactor: '0', rangeDigits: [3, 13] } }),
    ).toEqual([
      'protection.adaptive.rangeDigits: each of rangeDigits must be an integer from 1 to 12',
      'protection.adaptive.expectedRatio: must be a number from 0.01 to 1',
      'protection.adaptive.dropFactor: must be a number from 0.01 to 1',
    ]);
  });
});
