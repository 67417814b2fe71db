import { ConfigError, loadConfig } from '../../src/config/config.loader';
import { describeChart, render, RenderOptions, template } from './support/helm';
import { ExternalSecrets, podView } from './support/pod-files';
import { MINIMAL_SECRETS, withSecrets } from './support/scenarios';

const HEAD = 'config: the gateway would refuse to start with these values:';
const FILES = 'ci/existing-secret-files-values.yaml';

/** The problem lines of a render the chart refuses for want of a secret. */
function refusal(options: RenderOptions): string[] {
  const result = template(options);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(HEAD);
  return result.stderr
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4));
}

/** What the gateway itself says when it boots on this render in a pod, or [] when it boots. */
function gatewayProblems(options: RenderOptions, external: ExternalSecrets): string[] {
  const { env, root } = podView(render(options), external);
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => p.replaceAll(root, ''));
  }
}

/** MINIMAL_SECRETS' Secret keys and values, without `leaveOut`. */
function minimalSecretData(leaveOut: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(MINIMAL_SECRETS)
      .filter(([key]) => key.startsWith('secrets.values.') && key !== `secrets.values.${leaveOut}`)
      .map(([key, value]) => [key.slice('secrets.values.'.length), value]),
  );
}

/** MINIMAL_SECRETS as --set values, without `leaveOut`. */
function minimalSecretsWithout(leaveOut: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(MINIMAL_SECRETS).filter(([key]) => key !== `secrets.values.${leaveOut}`),
  );
}

/** The part of a chart line the gateway would print: everything before the chart's advice. */
const gatewayPart = (line: string) => line.slice(0, line.indexOf('; '));

describeChart('okta-telephony-gateway chart: secrets the config reads', () => {
  it('should refuse a render with no Secret, naming each variable the way the gateway does', () => {
    const noSecret = (key: string) =>
      `environment variable ${key} is not set; no Secret is configured: set secrets.existingSecret or secrets.values.${key}`;

    expect(refusal({})).toEqual([
      `events.auth.headers[0].secrets[0]: ${noSecret('EVENT_HOOK_SECRET')}`,
      `hook.auth.headers[0].secrets[0]: ${noSecret('HOOK_SECRET')}`,
      `providers.twilio.accountSid: ${noSecret('TWILIO_ACCOUNT_SID')}`,
      `providers.twilio.authToken: ${noSecret('TWILIO_AUTH_TOKEN')}`,
      `providers.twilio.from: ${noSecret('TWILIO_FROM')}`,
      'store.redis.url: environment variable REDIS_URL is not set; set redis.url or redis.existingSecret',
    ]);
  });

  it('should refuse a key missing from (or empty in) secrets.values with the gateway message', () => {
    const missing = refusal(withSecrets({ set: { 'secrets.values.TWILIO_FROM': '' } }));
    // The same config with the Secret kept outside the chart: the gateway's own words.
    const booted = gatewayProblems(
      { set: { 'secrets.existingSecret': 'otg-credentials', 'redis.url': 'redis://r:6379' } },
      { 'otg-credentials': minimalSecretData('TWILIO_FROM') },
    );

    expect(missing).toEqual([
      'providers.twilio.from: environment variable TWILIO_FROM is not set; add TWILIO_FROM to secrets.values',
    ]);
    expect(booted).toEqual(expect.arrayContaining(missing.map(gatewayPart)));
  });

  it('should refuse secrets.mode files with a config that reads secrets from the environment', () => {
    const options = {
      set: { 'secrets.existingSecret': 'otg-credentials', 'secrets.mode': 'files' },
    };
    const lines = refusal({ ...options, set: { ...options.set, 'redis.url': 'redis://r:6379' } });
    const advice =
      'secrets.mode is files, which puts no secret in the environment: read it with ${file:/var/run/secrets/okta-telephony-gateway/<key>}, or use secrets.mode: env';

    expect(lines).toEqual([
      `events.auth.headers[0].secrets[0]: environment variable EVENT_HOOK_SECRET is not set; ${advice}`,
      `hook.auth.headers[0].secrets[0]: environment variable HOOK_SECRET is not set; ${advice}`,
      `providers.twilio.accountSid: environment variable TWILIO_ACCOUNT_SID is not set; ${advice}`,
      `providers.twilio.authToken: environment variable TWILIO_AUTH_TOKEN is not set; ${advice}`,
      `providers.twilio.from: environment variable TWILIO_FROM is not set; ${advice}`,
    ]);
  });

  it('should refuse ${file:...} secrets when secrets.mode env mounts no files', () => {
    const lines = refusal({ files: [FILES], set: { 'secrets.mode': 'env' } });
    const unread = (key: string) =>
      `file /var/run/secrets/otg/${key} cannot be read; secrets.mode is env, which mounts no files: use secrets.mode: files`;

    expect(lines).toEqual([
      `admin.tokens[0]: ${unread('admin-token')}`,
      `events.auth.headers[0].secrets[0]: ${unread('event-hook-secret')}`,
      `hook.auth.headers[0].secrets[0]: ${unread('hook-secret')}`,
      `providers.twilio.accountSid: ${unread('twilio-account-sid')}`,
      `providers.twilio.authToken: ${unread('twilio-auth-token')}`,
    ]);
  });

  it('should refuse a secret file whose key the chart-made Secret lacks, as the gateway would', () => {
    const values = {
      'hook-secret': 'files-hook-secret-0123456789',
      'event-hook-secret': 'files-event-secret-0123456789',
      'twilio-account-sid': 'AC0123456789abcdef0123456789abcdef',
      'twilio-auth-token': 'files-twilio-token-0123456789',
    };
    const set = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [`secrets.values.${key}`, value]),
    );
    const lines = refusal({ files: [FILES], set: { 'secrets.existingSecret': '', ...set } });
    const booted = gatewayProblems({ files: [FILES] }, { 'otg-credentials': values });

    expect(lines).toEqual([
      'admin.tokens[0]: file /var/run/secrets/otg/admin-token cannot be read; add admin-token to secrets.values',
    ]);
    expect(booted).toEqual(expect.arrayContaining(lines.map(gatewayPart)));
  });

  it('should refuse secrets.values together with secrets.existingSecret', () => {
    const result = template(withSecrets({ set: { 'secrets.existingSecret': 'otg-credentials' } }));

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'set secrets.values or secrets.existingSecret, not both: with existingSecret the chart makes no Secret, and secrets.values would be silently ignored',
    );
  });

  it('should refuse a ${...} the gateway cannot parse', () => {
    const lines = refusal(withSecrets({ set: { 'config.admin.tokens[0]': '${ADMIN TOKEN}' } }));

    expect(lines).toEqual(['admin.tokens[0]: "${ADMIN TOKEN}" is not a valid substitution']);
  });

  it('should trust what it cannot see: extraEnv, extraEnvVarsSecret, extraEnvVarsCM, an existingSecret', () => {
    const others = minimalSecretsWithout('TWILIO_FROM');
    const accepted: RenderOptions[] = [
      {
        set: { ...others, 'extraEnv[0].name': 'TWILIO_FROM', 'extraEnv[0].value': '+15005550006' },
      },
      { set: { ...others, extraEnvVarsSecret: 'twilio-sender' } },
      { set: { ...others, extraEnvVarsCM: 'twilio-sender' } },
      { set: { 'secrets.existingSecret': 'otg-credentials', 'redis.url': others['redis.url'] } },
    ];

    for (const options of accepted) expect(template(options).stderr).toBe('');
  });
});
