import { checkConsole, checkConsoleInProduction } from './console-rules';
import { ConsoleConfig, ConsoleOidcConfig, ConsoleSessionConfig } from './console.config';

const enabled = (oidc: Partial<ConsoleOidcConfig>, session: Partial<ConsoleSessionConfig> = {}) =>
  Object.assign(new ConsoleConfig(), {
    enabled: true,
    oidc: Object.assign(new ConsoleOidcConfig(), oidc),
    session: Object.assign(new ConsoleSessionConfig(), session),
  });

describe(checkConsole.name, () => {
  it('should ask nothing of a console that is off', () => {
    expect(checkConsole(new ConsoleConfig())).toEqual([]);
  });

  it('should name everything an enabled console lacks', () => {
    expect(checkConsole(enabled({}))).toEqual([
      'console.oidc.issuer: required when console.enabled is true',
      'console.oidc.clientId: required when console.enabled is true',
      'console.oidc.clientSecret: required when console.enabled is true',
      'console.oidc.redirectUri: required when console.enabled is true',
      'console.oidc.allowedGroups: name at least one Okta group; the console is never open to all',
      'console.session.secret: at least 32 characters',
    ]);
  });

  it('should refuse a redirect URI that is not the console callback, and http in production', () => {
    const config = enabled(
      {
        issuer: 'http://example.okta.com',
        clientId: 'c',
        clientSecret: 's',
        redirectUri: 'http://otp.example.com/callback',
        allowedGroups: ['support'],
      },
      { secret: 'x'.repeat(32) },
    );

    expect(checkConsole(config)).toEqual([
      'console.oidc.redirectUri: must be an http(s) URL ending in /console/auth/callback',
    ]);
    expect(checkConsoleInProduction(config)).toEqual([
      'console.oidc.issuer: must be an https URL in production',
      'console.oidc.redirectUri: must be an https URL in production',
    ]);
  });
});
