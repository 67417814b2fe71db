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
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return;
  const root = tree as Record<string, unknown>;
  const given = root.outbound;
  if (
    given !== undefined &&
    (given === null || typeof given !== 'object' || Array.isArray(given))
  ) {
    return;
  }
  const outbound: Record<string, unknown> = { ...(given as Record<string, unknown> | undefined) };
  for (const [key, names] of Object.entries(VARIABLES)) {
    const value = names.map((name) => env[name]).find((v) => v !== undefined && v !== '');
    if (!(key in outbound) && value !== undefined) outbound[key] = value;
  }
  if (given !== undefined || Object.keys(outbound).length > 0) root.outbound = outbound;
}
