import { validateConfig } from '../config/validate-config';
import { checkProtection } from './protection-rules';

/** The problems of a `protection` section: its own validation, then the checks across keys. */
function problemsOf(protection: Record<string, unknown>): string[] {
  const { config, problems } = validateConfig({ routing: { default: ['c'] }, protection });
  return problems.length > 0 ? problems : checkProtection(config.protection);
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
