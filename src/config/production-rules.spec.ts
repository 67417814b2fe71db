import { ConsoleConfig } from '../console/console.config';
import { AppConfig } from './app.config';
import { checkProduction } from './production-rules';

/** A production-worthy config but for what each test changes. */
function config(change: (c: AppConfig) => void): AppConfig {
  const c = new AppConfig();
  c.hook.auth.headers = [
    Object.assign(c.hook.auth.headers[0] ?? {}, {
      name: 'authorization',
      secrets: ['hook-secret-0123456789'],
    }),
  ];
  change(c);
  return c;
}

/** No section with problems of its own: every production rule runs. */
const NONE_BROKEN = () => false;

describe(checkProduction.name, () => {
  it('should refuse a short or well-known last-four key and console keys, and an http console', () => {
    const problems = checkProduction(
      config((c) => {
        c.records.phoneLast4Key = 'short-key';
        c.console = Object.assign(new ConsoleConfig(), { enabled: true });
        c.console.oidc = Object.assign(c.console.oidc, {
          issuer: 'http://example.okta.com',
          clientSecret: 'changeme',
          redirectUri: 'https://otp.example.com/console/auth/callback',
        });
        c.console.session.secret = 'x'.repeat(31);
      }),
      NONE_BROKEN,
    );

    expect(problems).toEqual([
      'records.phoneLast4Key: well-known or shorter than 32 characters; refused in production',
      'console.session.secret: well-known or shorter than 32 characters; refused in production',
      'console.oidc.clientSecret: well-known or shorter than 16 characters; refused in production',
      'console.oidc.issuer: must be an https URL in production',
    ]);
  });

  it('should accept no last-four key (the filter is off) and a console that is off', () => {
    const sut = checkProduction(
      config(() => undefined),
      NONE_BROKEN,
    );

    expect(sut).toEqual([]);
  });
});
