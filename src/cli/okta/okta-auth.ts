import { readFileSync } from 'node:fs';
import { UsageError } from '../cli-error';
import { Env } from '../config-source';

/** The scopes `otg okta` asks for: everything it does to inline and event hooks. */
export const OKTA_SCOPES = ['okta.inlineHooks.manage', 'okta.eventHooks.manage'] as const;

/**
 * How `otg` authenticates to the Management API: an OAuth service app with private_key_jwt
 * (preferred: scoped, no admin session behind it), or an API token (SSWS).
 */
export type OktaCredentials =
  | { readonly kind: 'token'; readonly token: string }
  | {
      readonly kind: 'service-app';
      readonly clientId: string;
      /** PEM, or a JWK as JSON. */
      readonly privateKey: string;
      readonly keyId?: string;
    };

export interface CredentialOptions {
  readonly clientId?: string;
  readonly privateKeyFile?: string;
  readonly keyId?: string;
}

const NONE =
  'No Okta credentials: set OKTA_CLIENT_ID and OKTA_PRIVATE_KEY_FILE (an API service app with ' +
  `private_key_jwt and the scopes ${OKTA_SCOPES.join(', ')}), or OKTA_API_TOKEN.`;

/** Flags first, then the environment; the service app wins over a token when both are set. */
export function oktaCredentials(env: Env, options: CredentialOptions): OktaCredentials {
  const clientId = options.clientId ?? env.OKTA_CLIENT_ID;
  const keyFile = options.privateKeyFile ?? env.OKTA_PRIVATE_KEY_FILE;
  const inlineKey = env.OKTA_PRIVATE_KEY;
  if (clientId) {
    const privateKey = keyFile ? readKey(keyFile) : inlineKey;
    if (!privateKey) {
      throw new UsageError(
        'OKTA_CLIENT_ID is set but no private key: set OKTA_PRIVATE_KEY_FILE (or --private-key-file).',
      );
    }
    return { kind: 'service-app', clientId, privateKey, keyId: options.keyId ?? env.OKTA_KEY_ID };
  }
  if (env.OKTA_API_TOKEN) return { kind: 'token', token: env.OKTA_API_TOKEN };
  throw new UsageError(NONE, 'See docs/cli.md, "Okta credentials".');
}

/**
 * The org's base URL from `--org`: https, or http on a loopback host (a local fake org). The
 * Admin Console's `-admin` host is not the API's.
 */
export function orgUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError('--org must be the URL of your Okta org, e.g. https://acme.okta.com.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new UsageError('--org must be an https:// URL, e.g. https://acme.okta.com.');
  }
  if (/-admin\./.test(url.hostname)) {
    const org = url.origin.replace('-admin.', '.');
    throw new UsageError(`--org is the Admin Console's address: use ${org}.`);
  }
  return url.origin;
}

/** Okta calls only https URLs; plain http is accepted on a loopback host, for a local fake org. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function readKey(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the private key file ${file}.`);
  }
}
