import { checkConsoleInProduction, MIN_KEY_LENGTH } from '../console/console-rules';
import { AppConfig } from './app.config';
import { isPlaceholder } from './placeholders';
import { routeLists } from './route-lists';
import { checkVendorsForProduction } from './vendor-production-rules';

const MIN_SECRET_LENGTH = 16;

/**
 * What `NODE_ENV=production` refuses: the console provider on a route, a weak or well-known
 * secret or signing key, plain-http OAuth and console endpoints, the memory store behind more
 * than one replica, and the vendors' own mistakes (vendor-production-rules.ts). A section with
 * problems of its own (`broken`) is left to them.
 */
export function checkProduction(config: AppConfig, broken: (section: string) => boolean): string[] {
  return [
    ...consoleRoutes(config),
    ...weakSecrets(config, broken),
    ...(broken('records') || broken('console') ? [] : weakKeys(config)),
    ...(broken('console') ? [] : checkConsoleInProduction(config.console)),
    ...(broken('hook.auth') ? [] : plainHttpOAuth(config)),
    ...(broken('store') || broken('server') ? [] : sharedMemoryStore(config)),
    ...checkVendorsForProduction(config),
  ];
}

function consoleRoutes(config: AppConfig): string[] {
  const routed = new Set(routeLists(config).flatMap((list) => list.ids));
  return [...routed]
    .filter((id) => config.providers[id]?.type === 'console')
    .map(
      (id) => `providers.${id}: the console provider sends nothing and is refused in production`,
    );
}

function weakSecrets(config: AppConfig, broken: (section: string) => boolean): string[] {
  const lists: [string, string[]][] = [
    ...(broken('hook.auth') ? [] : headerSecrets(config.hook.auth.headers, 'hook')),
    ...(broken('events.auth') ? [] : headerSecrets(config.events.auth.headers, 'events')),
    ...(broken('admin') ? [] : [['admin.tokens', config.admin.tokens] as [string, string[]]]),
  ];
  return lists.flatMap(([path, values]) =>
    values.flatMap((value, i) =>
      isPlaceholder(value) || value.length < MIN_SECRET_LENGTH
        ? [
            `${path}[${i}]: well-known or shorter than ${MIN_SECRET_LENGTH} characters; refused in production`,
          ]
        : [],
    ),
  );
}

function headerSecrets(
  headers: { secrets: string[] }[],
  section: 'hook' | 'events',
): [string, string[]][] {
  return headers.map((h, i) => [`${section}.auth.headers[${i}].secrets`, h.secrets]);
}

function plainHttpOAuth(config: AppConfig): string[] {
  const oauth = config.hook.auth.oauth;
  return Object.entries({ issuer: oauth?.issuer, jwksUri: oauth?.jwksUri })
    .filter(([, url]) => url && !url.startsWith('https://'))
    .map(([key]) => `hook.auth.oauth.${key}: must be an https URL in production`);
}

function sharedMemoryStore(config: AppConfig): string[] {
  return config.store.driver === 'memory' && config.server.replicas > 1
    ? ['store.driver: memory cannot be shared by more than one replica; use redis']
    : [];
}

/** Signing and hashing keys: unset is allowed where it turns a feature off, weak never is. */
function weakKeys(config: AppConfig): string[] {
  const consoleOn = config.console.enabled;
  const keys: (readonly [string, string])[] = [
    ['records.phoneLast4Key', config.records.phoneLast4Key],
    ...(consoleOn ? ([['console.session.secret', config.console.session.secret]] as const) : []),
  ];
  const problems = keys
    .filter(([, value]) => value && (isPlaceholder(value) || value.length < MIN_KEY_LENGTH))
    .map(
      ([path]) =>
        `${path}: well-known or shorter than ${MIN_KEY_LENGTH} characters; refused in production`,
    );
  const clientSecret = config.console.oidc.clientSecret;
  if (consoleOn && (isPlaceholder(clientSecret) || clientSecret.length < MIN_SECRET_LENGTH)) {
    problems.push(
      `console.oidc.clientSecret: well-known or shorter than ${MIN_SECRET_LENGTH} characters; refused in production`,
    );
  }
  return problems;
}
