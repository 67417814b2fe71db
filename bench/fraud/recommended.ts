/**
 * The recommended `protection` section, as docs/protection.md prints it; the simulation runs
 * it with the company's own block and office network in `trusted` (test/fraud checks that the
 * page and this object agree).
 */
export const RECOMMENDED_PROTECTION = {
  mode: 'enforce',
  onBlock: 'failed',
  defaultRegion: 'US',
  invalidNumbers: 'block',
  countries: {
    allow: [
      'US',
      'CA',
      'GB',
      'JE',
      'DE',
      'FR',
      'IN',
      'BR',
      'JP',
      'AU',
      'NL',
      'ES',
      'IE',
      'MX',
      'PL',
    ],
    nonGeographic: 'deny',
  },
  numberTypes: {
    deny: ['PREMIUM_RATE', 'SHARED_COST', 'UAN', 'PERSONAL_NUMBER', 'PAGER', 'VOICEMAIL'],
  },
  trusted: {
    ranges: ['+44 7400 555'],
    networks: ['203.0.113.0/24'],
    loginDomains: ['example.com'],
  },
  rateLimits: [
    { key: 'phone', limit: 5, windowSeconds: 900 },
    { key: 'phone', limit: 10, windowSeconds: 86400 },
    { key: 'user', limit: 10, windowSeconds: 3600 },
    {
      name: 'user-enrollment',
      key: 'user',
      limit: 8,
      windowSeconds: 86400,
      requestTypes: ['enrollment'],
    },
    { key: 'ip', limit: 20, windowSeconds: 3600 },
    {
      name: 'ip-enrollment',
      key: 'ip',
      limit: 5,
      windowSeconds: 3600,
      requestTypes: ['enrollment'],
    },
    { name: 'voice-phone', key: 'phone', limit: 3, windowSeconds: 3600, channels: ['voice'] },
  ],
  adaptive: { enabled: true },
};

/**
 * For comparison: the rate limits docs/protection.md recommended before the watch list (its
 * prefix and country limits sized for every prefix and country at once), with the same
 * countries and number types.
 */
export const PREVIOUS_PROTECTION = {
  ...RECOMMENDED_PROTECTION,
  trusted: {},
  rateLimits: [
    { key: 'phone', limit: 5, windowSeconds: 900 },
    { key: 'phone', limit: 10, windowSeconds: 86400 },
    { key: 'user', limit: 10, windowSeconds: 3600 },
    { key: 'ip', limit: 20, windowSeconds: 3600 },
    {
      key: 'prefix',
      prefixDigits: 8,
      limit: 20,
      windowSeconds: 3600,
      requestTypes: ['com.okta.user.telephony.pre-enrollment'],
    },
    {
      key: 'country',
      limit: 200,
      windowSeconds: 3600,
      requestTypes: ['com.okta.user.telephony.pre-enrollment'],
    },
    { name: 'voice-phone', key: 'phone', limit: 3, windowSeconds: 3600, channels: ['voice'] },
  ],
  adaptive: { enabled: false },
};
