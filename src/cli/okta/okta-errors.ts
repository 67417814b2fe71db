import { CliError } from '../cli-error';
import { networkError } from '../network-error';

/** The OAuth 2.0 error of a refused token request (`error`, `error_description`), when Okta gave one. */
export interface TokenError {
  readonly status: number;
  readonly error?: string;
  readonly description?: string;
}

/** What the SDK throws for an HTTP error (OktaApiError, or HttpError for a non-JSON body). */
interface HttpFailure {
  readonly status: number;
  readonly url: string;
  readonly errorCode?: unknown;
  readonly errorSummary?: unknown;
  readonly errorCauses?: readonly { errorSummary?: unknown }[];
  readonly headers?: { get(name: string): string | null };
}

const howToGrant = (scopes: string): string =>
  `Grant ${scopes} to the service app: Admin Console → Applications → the app → Okta API Scopes.`;

/**
 * An Okta failure as an actionable CliError: unreachable or TLS, a refused token request, 401,
 * 403 naming the scope the operation needs (from Okta's `WWW-Authenticate`, else the operation's
 * own), 429, or Okta's own summary. Never the token or a secret.
 */
export function oktaFailure(
  error: unknown,
  org: string,
  scope: string,
  tokenError?: TokenError,
): CliError {
  const network = networkError(error, 'Okta', org);
  if (network) return network;
  // The SDK reads a refused token request's body as a token and fails later with a 401.
  if (tokenError) return tokenRefused(tokenError);
  if (!isHttpFailure(error)) return error instanceof CliError ? error : unknownFailure(error);
  switch (error.status) {
    case 401:
      return new CliError(
        `Okta refused the credentials (401${codeOf(error)}).`,
        undefined,
        'Check OKTA_API_TOKEN (tokens are revoked after 30 days unused), or the service app of OKTA_CLIENT_ID.',
      );
    case 403:
      return forbidden(error, scope);
    case 429:
      return new CliError(
        'Okta rate-limited the request (429).',
        undefined,
        'Try again in a minute.',
      );
    default:
      return new CliError(
        `Okta answered HTTP ${error.status}${codeOf(error)}: ${summaryOf(error)}`,
      );
  }
}

function forbidden(error: HttpFailure, scope: string): CliError {
  const challenge = error.headers?.get('www-authenticate') ?? '';
  if (challenge.includes('insufficient_scope')) {
    const needed = /scope="([^"]+)"/.exec(challenge)?.[1] ?? scope;
    return new CliError(
      `Okta refused: the access token lacks the scope ${needed} (403).`,
      undefined,
      howToGrant(needed),
    );
  }
  return new CliError(
    `Okta refused: these credentials may not manage hooks (403${codeOf(error)}).`,
    undefined,
    `A service app needs the scope ${scope} and an admin role (Applications → the app → Admin roles); ` +
      'an API token acts as the administrator who created it, who needs a role that manages hooks.',
  );
}

function tokenRefused(tokenError: TokenError): CliError {
  const reason = tokenError.error
    ? `: ${tokenError.error}${tokenError.description ? ` (${tokenError.description})` : ''}`
    : '';
  const hint =
    tokenError.error === 'invalid_scope'
      ? `The service app must be granted okta.inlineHooks.manage and okta.eventHooks.manage. ${howToGrant('them')}`
      : 'Check OKTA_CLIENT_ID, that the app authenticates with private_key_jwt, and that its public key matches this private key (and OKTA_KEY_ID).';
  return new CliError(
    `Okta refused the service app's token request (HTTP ${tokenError.status})${reason}.`,
    undefined,
    hint,
  );
}

function unknownFailure(error: unknown): CliError {
  const name = error instanceof Error ? error.name : 'error';
  return new CliError(`The Okta request failed (${name}).`);
}

function isHttpFailure(error: unknown): error is HttpFailure {
  const e = error as Partial<HttpFailure> | null;
  return typeof e?.status === 'number' && typeof e.url === 'string';
}

function codeOf(error: HttpFailure): string {
  return typeof error.errorCode === 'string' && error.errorCode ? ` ${error.errorCode}` : '';
}

function summaryOf(error: HttpFailure): string {
  const summary = typeof error.errorSummary === 'string' ? error.errorSummary : '';
  const causes = (error.errorCauses ?? [])
    .map((c) => (typeof c.errorSummary === 'string' ? c.errorSummary : ''))
    .filter(Boolean);
  return [summary || 'no details', ...causes].join('; ');
}
