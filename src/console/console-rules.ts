import { ConsoleConfig } from './console.config';

/** Path of the sign-in callback the redirect URI must name. */
export const CALLBACK_PATH = '/console/auth/callback';
/** Length of a signing key below which production refuses it. */
export const MIN_KEY_LENGTH = 32;

/**
 * What an enabled console needs: the OIDC app, at least one allowed group (the console is never
 * open to everyone in the org), a redirect URI to its callback, and a session key.
 */
export function checkConsole(config: ConsoleConfig): string[] {
  if (!config.enabled) return [];
  const { oidc, session } = config;
  const problems: string[] = [];
  for (const key of ['issuer', 'clientId', 'clientSecret', 'redirectUri'] as const) {
    if (!oidc[key]) problems.push(`console.oidc.${key}: required when console.enabled is true`);
  }
  if (oidc.issuer && !isHttpUrl(oidc.issuer)) {
    problems.push('console.oidc.issuer: must be an http(s) URL');
  }
  if (
    oidc.redirectUri &&
    (!isHttpUrl(oidc.redirectUri) || !oidc.redirectUri.endsWith(CALLBACK_PATH))
  ) {
    problems.push(`console.oidc.redirectUri: must be an http(s) URL ending in ${CALLBACK_PATH}`);
  }
  if (oidc.allowedGroups.length === 0) {
    problems.push(
      'console.oidc.allowedGroups: name at least one Okta group; the console is never open to all',
    );
  }
  if (!oidc.scopes.includes('openid')) problems.push('console.oidc.scopes: must include openid');
  if (session.secret.length < MIN_KEY_LENGTH) {
    problems.push(`console.session.secret: at least ${MIN_KEY_LENGTH} characters`);
  }
  return problems;
}

/** What production adds: https only (the session cookie is Secure). */
export function checkConsoleInProduction(config: ConsoleConfig): string[] {
  if (!config.enabled) return [];
  return (['issuer', 'redirectUri'] as const)
    .filter((key) => config.oidc[key] && !config.oidc[key].startsWith('https://'))
    .map((key) => `console.oidc.${key}: must be an https URL in production`);
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
