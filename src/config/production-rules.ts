import { checkConsoleInProduction, MIN_KEY_LENGTH } from '../console/console-rules';
import { AppConfig } from './app.config';

/** Values that appear in docs, samples and our own embedded default. */
const WELL_KNOWN = new Set([
  'local-dev-secret',
  'local-dev-admin-token',
  'secret',
  'changeme',
  'change-me',
  'password',
  'test',
  'default',
  'Basic YWRtaW46c3VwZXJzZWNyZXQ=',
]);
const MIN_SECRET_LENGTH = 16;

/**
 * What `NODE_ENV=production` refuses: the console provider on a route, a weak or well-known
 * secret or signing key, and the memory store behind more than one replica.
 */
export function checkProduction(config: AppConfig): string[] {
  const problems: string[] = [];
  const routed = [...config.routing.default, ...config.routing.rules.flatMap((r) => r.providers)];
  for (const id of new Set(routed)) {
    if (config.providers[id]?.type === 'console') {
      problems.push(
        `providers.${id}: the console provider sends nothing and is refused in production`,
      );
    }
  }
  const secrets: [string, string[]][] = [
    ...config.hook.auth.headers.map((h, i): [string, string[]] => [
      `hook.auth.headers[${i}].secrets`,
      h.secrets,
    ]),
    ...config.events.auth.headers.map((h, i): [string, string[]] => [
      `events.auth.headers[${i}].secrets`,
      h.secrets,
    ]),
    ['admin.tokens', config.admin.tokens],
  ];
  for (const [path, values] of secrets) {
    values.forEach((value, i) => {
      if (WELL_KNOWN.has(value) || value.length < MIN_SECRET_LENGTH) {
        problems.push(
          `${path}[${i}]: well-known or shorter than ${MIN_SECRET_LENGTH} characters; refused in production`,
        );
      }
    });
  }
  problems.push(...weakKeys(config), ...checkConsoleInProduction(config.console));
  const oauth = config.hook.auth.oauth;
  for (const [key, url] of Object.entries({ issuer: oauth?.issuer, jwksUri: oauth?.jwksUri })) {
    if (url && !url.startsWith('https://')) {
      problems.push(`hook.auth.oauth.${key}: must be an https URL in production`);
    }
  }
  if (config.store.driver === 'memory' && config.server.replicas > 1) {
    problems.push('store.driver: memory cannot be shared by more than one replica; use redis');
  }
  return problems;
}

/** Signing and hashing keys: unset is allowed where it turns a feature off, weak never is. */
function weakKeys(config: AppConfig): string[] {
  const consoleOn = config.console.enabled;
  const keys: (readonly [string, string])[] = [
    ['records.phoneLast4Key', config.records.phoneLast4Key],
    ...(consoleOn ? ([['console.session.secret', config.console.session.secret]] as const) : []),
  ];
  const problems = keys
    .filter(([, value]) => value && (WELL_KNOWN.has(value) || value.length < MIN_KEY_LENGTH))
    .map(
      ([path]) =>
        `${path}: well-known or shorter than ${MIN_KEY_LENGTH} characters; refused in production`,
    );
  const clientSecret = config.console.oidc.clientSecret;
  if (consoleOn && (WELL_KNOWN.has(clientSecret) || clientSecret.length < MIN_SECRET_LENGTH)) {
    problems.push(
      `console.oidc.clientSecret: well-known or shorter than ${MIN_SECRET_LENGTH} characters; refused in production`,
    );
  }
  return problems;
}
