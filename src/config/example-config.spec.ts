import {
  EXAMPLE_ENV,
  EXAMPLE_FILE,
  EXAMPLE_TEXT,
  statedVariables,
} from '../../test/support/example-config';
import { checkConfig, loadConfig } from './config.loader';

describe('config/production.example.yaml', () => {
  const env = { NODE_ENV: 'production', CONFIG_FILE: EXAMPLE_FILE };

  it('should state at its top exactly the variables it reads without a default', () => {
    const uncommented = EXAMPLE_TEXT.split('\n').filter(
      (line) => !line.trimStart().startsWith('#'),
    );
    const read = Array.from(
      uncommented.join('\n').matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g),
      (m) => m[1],
    );

    expect(statedVariables()).toEqual(Object.keys(EXAMPLE_ENV));
    expect([...new Set(read)].sort()).toEqual(Object.keys(EXAMPLE_ENV).sort());
  });

  it('should be a valid production configuration with exactly those variables, running what it routes', () => {
    const { config, production, warnings } = loadConfig({ ...env, ...EXAMPLE_ENV });

    expect(production).toBe(true);
    expect(warnings).toEqual([]);
    expect(Object.keys(config.providers)).toEqual(['twilio-main', 'twilio-backup', 'aws-voice']);
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.protection.rateLimits.map((r) => r.key)).toEqual([
      'phone',
      'phone',
      'user',
      'user',
      'ip',
      'ip',
      'phone',
    ]);
    expect(config.protection.adaptive).toMatchObject({ enabled: true, mode: 'monitor' });
  });

  it('should name each stated variable that is missing, and nothing else', () => {
    const rest = Object.fromEntries(
      Object.entries(EXAMPLE_ENV).filter(
        ([name]) => !['HOOK_SECRET', 'TWILIO_AUTH_TOKEN'].includes(name),
      ),
    );

    expect(checkConfig({ ...env, ...rest }).problems).toEqual([
      'hook.auth.headers[0].secrets[0]: environment variable HOOK_SECRET is not set',
      'providers.twilio-main.authToken: environment variable TWILIO_AUTH_TOKEN is not set',
    ]);
  });
});
