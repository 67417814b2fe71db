import { loadConfig } from './config.loader';
import { configFile, problemsOf } from '../../test/support/config-files';

const file = configFile;

const minimal = {
  hook: {
    auth: {
      headers: [{ name: 'authorization', secrets: ['${HOOK_SECRET}', '${HOOK_SECRET_NEXT:-}'] }],
    },
  },
  providers: { c: { type: 'console' } },
  routing: { default: ['c'] },
};

const problems = problemsOf;

describe(loadConfig.name, () => {
  it('should load the embedded default with no environment', () => {
    const { config, production } = loadConfig({});

    expect(production).toBe(false);
    expect(config.routing.default).toEqual(['console']);
    expect(config.hook.deadlineMs).toBe(2500);
    expect(config.hook.auth.headers[0].secrets).toEqual(['local-dev-secret']);
  });

  it('should fill defaults, drop empty rotation slots and apply PORT', () => {
    const { config } = loadConfig({
      CONFIG_FILE: file(minimal),
      HOOK_SECRET: 'from-env',
      PORT: '9191',
    });

    expect(config.server.port).toBe(9191);
    expect(config.server.bodyLimitBytes).toBe(65536);
    expect(config.hook.auth.headers[0].secrets).toEqual(['from-env']);
    expect(config.providers.c.timeoutMs).toBe(1500);
    expect(config.store.driver).toBe('memory');
  });

  it('should coerce numbers that come from variables', () => {
    const { config } = loadConfig({
      CONFIG_FILE: file({ ...minimal, hook: { ...minimal.hook, deadlineMs: '${DEADLINE}' } }),
      HOOK_SECRET: 'x',
      DEADLINE: '2000',
    });

    expect(config.hook.deadlineMs).toBe(2000);
  });

  it('should list every problem at once', () => {
    expect(
      problems({
        server: { port: -1, extra: 1 },
        hook: { auth: { headers: [{ name: 'bad header', secrets: ['${HOOK_SECRET}'] }] } },
        providers: {
          'Bad Id': { type: 'console' },
          tw: { type: 'twilio', accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 't' },
        },
        routing: { default: [] },
        protection: { countries: { deny: ['gb'] } },
      }),
    ).toEqual([
      'hook.auth.headers[0].secrets[0]: environment variable HOOK_SECRET is not set',
      'server.extra: unknown key',
      'server.port: must be an integer from 0 to 65535',
      'hook.auth.headers[0].name: must be an HTTP header name',
      'routing.default: should not be empty',
      'providers.Bad Id: id must be lowercase letters, digits, - or _',
      'providers.tw.from: SMS needs `from` or `messagingServiceSid`',
      'providers.tw.voiceFrom: voice needs `voiceFrom` or `from`',
      'protection.countries.deny[0]: country codes are upper case; did you mean "GB"?',
    ]);
  });

  it('should check routes against providers and their channels', () => {
    expect(
      problems(
        {
          ...minimal,
          providers: { c: { type: 'console', channels: ['sms'] } },
          routing: {
            default: ['c', 'ghost'],
            rules: [{ match: { channels: ['voice'] }, providers: ['c'] }],
          },
        },
        { HOOK_SECRET: 'x' },
      ),
    ).toEqual([
      'routing.default[1]: no provider "ghost" in providers',
      'routing.rules[0].providers[0]: provider "c" does not deliver voice',
    ]);
  });

  it('should refuse an unauthenticated hook', () => {
    expect(problems({ ...minimal, hook: { auth: { headers: [] } } })).toEqual([
      'hook.auth: configure at least one header secret or oauth; the hook is never open',
    ]);
    expect(
      problems({ ...minimal, hook: { auth: { headers: [{ secrets: ['${UNSET:-}'] }] } } }),
    ).toEqual(['hook.auth.headers[0].secrets: needs at least one non-empty secret']);
  });

  it('should refuse the watch list without the event hook it learns from', () => {
    const adaptive = { protection: { adaptive: { enabled: true } } };

    expect(problems({ ...minimal, ...adaptive }, { HOOK_SECRET: 'x' })).toEqual([
      'protection.adaptive.enabled: needs the event hook (events.auth.headers) to learn which codes are verified',
    ]);
    const events = { auth: { headers: [{ name: 'authorization', secrets: ['event-secret'] }] } };
    expect(problems({ ...minimal, ...adaptive, events }, { HOOK_SECRET: 'x' })).toEqual([]);
  });

  it('should refuse plain-http OAuth endpoints in production', () => {
    const oauth = {
      issuer: 'http://idp.example.com/oauth2/default',
      audience: 'api://default',
      jwksUri: 'http://idp.example.com/keys',
    };
    const config = {
      ...minimal,
      hook: { auth: { headers: [], oauth } },
      events: { auth: { headers: [{ secrets: ['event-secret-0123456789'] }] } },
      providers: {
        c: {
          type: 'twilio',
          accountSid: 'AC0123456789abcdef0123456789abcdef',
          authToken: '0123456789abcdef0123456789abcdef',
          from: '+15005550006',
        },
      },
    };

    expect(problems(config, { NODE_ENV: 'production' })).toEqual([
      'hook.auth.oauth.issuer: must be an https URL in production',
      'hook.auth.oauth.jwksUri: must be an https URL in production',
    ]);
  });

  it('should report a YAML syntax error by position only', () => {
    expect(problems('server:\n  port: 1\n   bad: [secret-value\n')).toEqual([
      expect.stringMatching(/^\(file\): YAML syntax error at line \d+, column \d+ \([A-Z_]+\)$/),
    ]);
  });

  it('should report a missing file', () => {
    expect(() => loadConfig({ CONFIG_FILE: '/no/such/config.yaml' })).toThrow(
      'Configuration /no/such/config.yaml is invalid:\n  - (file): cannot be read',
    );
  });
});
