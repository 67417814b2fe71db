import { overlaySection } from './section-overlay';

/** Each `outbound` key and the environment variables it defaults to, lower case first (as curl). */
const VARIABLES: Readonly<Record<string, readonly string[]>> = {
  httpsProxy: ['https_proxy', 'HTTPS_PROXY'],
  httpProxy: ['http_proxy', 'HTTP_PROXY'],
  noProxy: ['no_proxy', 'NO_PROXY'],
};

/**
 * Fills the `outbound` keys the file leaves out from the proxy environment variables, so the
 * rest of the service reads proxies from typed config only. An empty variable counts as unset.
 */
export function applyProxyEnvironment(
  tree: unknown,
  env: Readonly<Record<string, string | undefined>>,
): void {
  overlaySection(tree, 'outbound', (outbound) => {
    for (const [key, names] of Object.entries(VARIABLES)) {
      const value = names.map((name) => env[name]).find((v) => v !== undefined && v !== '');
      if (!(key in outbound) && value !== undefined) outbound[key] = value;
    }
  });
}
