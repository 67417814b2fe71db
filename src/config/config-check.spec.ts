import { configFile, problemsOf, TWILIO_BLOCK as TWILIO } from '../../test/support/config-files';
import { VENDORS } from '../providers/vendors';
import { checkConfig } from './config.loader';

const HOOK = { auth: { headers: [{ name: 'authorization', secrets: ['${HOOK_SECRET}'] }] } };
const ENV = { HOOK_SECRET: 'hook-secret-0123456789abcdef' };
describe(checkConfig.name, () => {
  it('should report an unknown key as unknown where the key it misspells is missing, and only that', () => {
    expect(
      problemsOf(
        {
          hook: HOOK,
          providers: { console: { tpye: 'console' } },
          routing: { default: ['console'] },
        },
        ENV,
      ),
    ).toEqual(['providers.console.tpye: unknown key; did you mean "type"?']);
  });

  it('should hint the key or the value that was meant, wherever it is', () => {
    expect(
      problemsOf(
        {
          hook: HOOK,
          providers: { tw: { ...TWILIO, autToken: TWILIO.authToken, authToken: undefined } },
          routing: {
            default: ['tw'],
            rules: [{ match: { channels: ['voce'] }, providers: ['tw'] }],
          },
          protection: {
            mode: 'enforcing',
            rateLimits: [{ key: 'phone', limt: 3, windowSeconds: 60 }],
          },
        },
        ENV,
      ),
    ).toEqual([
      'routing.rules[0].match.channels: each value must be one of the following values: sms, voice; did you mean "voice"?',
      'protection.mode: must be one of the following values: enforce, monitor; did you mean "enforce"?',
      'protection.rateLimits[0].limt: unknown key; did you mean "limit"?',
      'providers.tw.autToken: unknown key; did you mean "authToken"?',
    ]);
    expect(
      problemsOf(
        { hook: HOOK, providers: { c: { type: 'twillio' } }, routing: { default: ['c'] } },
        ENV,
      ),
    ).toEqual([
      `providers.c.type: must be one of ${Object.keys(VENDORS).join(', ')}; did you mean "twilio"?`,
    ]);
  });

  it('should check routes against every declared provider even when field checks fail', () => {
    expect(
      problemsOf(
        {
          hook: HOOK,
          server: { port: 'eighty' },
          providers: { tw: { ...TWILIO, accountSid: 'nope' } },
          routing: { default: ['tw', 'ghost'] },
        },
        ENV,
      ),
    ).toEqual([
      'server.port: must be an integer from 0 to 65535',
      'providers.tw.accountSid: must be a Twilio Account SID (AC followed by 32 hex digits)',
      'routing.default[1]: no provider "ghost" in providers',
    ]);
  });

  it('should tell an unset variable once, without what follows from it', () => {
    expect(
      problemsOf({
        hook: HOOK,
        providers: {
          tw: { ...TWILIO, accountSid: '${TWILIO_ACCOUNT_SID}', authToken: '${TWILIO_AUTH_TOKEN}' },
        },
        routing: { default: ['tw'] },
        store: { driver: 'redis', redis: { url: '${REDIS_URL}' } },
      }),
    ).toEqual([
      'hook.auth.headers[0].secrets[0]: environment variable HOOK_SECRET is not set',
      'providers.tw.accountSid: environment variable TWILIO_ACCOUNT_SID is not set',
      'providers.tw.authToken: environment variable TWILIO_AUTH_TOKEN is not set',
      'store.redis.url: environment variable REDIS_URL is not set',
    ]);
  });

  it('should return the problems without throwing, and the loaded config with its warnings when there is none', () => {
    const bad = configFile({ hook: HOOK, providers: {}, routing: { default: ['c'] } });
    const good = configFile({
      hook: HOOK,
      providers: { c: { type: 'console' }, spare: { type: 'console' } },
      routing: { default: ['c'] },
    });

    expect(checkConfig({ ...ENV, CONFIG_FILE: bad })).toEqual({
      file: bad,
      problems: ['routing.default[0]: no provider "c" in providers'],
      warnings: [],
    });
    const check = checkConfig({ ...ENV, CONFIG_FILE: good });
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([
      'providers.spare: named by no route, so it sends nothing; add it to routing.default or a routing rule to use it',
    ]);
    expect(Object.keys(check.loaded?.config.providers ?? {})).toEqual(['c', 'spare']);
  });
});
