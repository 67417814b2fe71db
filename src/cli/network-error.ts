import { CliError } from './cli-error';

const TLS_REASONS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in an untrusted (self-signed) authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'its certificate is signed by an authority this machine does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'its certificate is signed by an authority this machine does not trust',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate does not name this host',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on this port (an http:// service?)',
  EPROTO: 'the TLS handshake failed (an http:// service on an https:// URL?)',
};
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/**
 * A failed connection (refused, unknown host, timeout, TLS) as an actionable CliError naming
 * the service and its origin, never the full URL's query or a credential. Undefined when
 * `error` is not a network failure (an HTTP answer, a bug).
 */
export function networkError(error: unknown, service: string, url: string): CliError | undefined {
  const where = `${service} at ${originOf(url)}`;
  if (isTimeout(error)) return new CliError(`${where} did not answer in time.`);
  const code = errorCode(error);
  if (!code) return undefined;
  if (Object.hasOwn(TLS_REASONS, code)) {
    const hint = UNTRUSTED.has(code)
      ? 'If a proxy or your company signs TLS with its own authority, point NODE_EXTRA_CA_CERTS at its PEM file.'
      : undefined;
    return new CliError(`TLS error with ${where}: ${TLS_REASONS[code]}.`, undefined, hint);
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new CliError(`Cannot reach ${where}: connection refused. Is it running there?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CliError(`Cannot reach ${where}: the host name does not resolve.`);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new CliError(`${where} closed the connection before answering.`);
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new CliError(`${where} did not answer in time.`);
    default:
      return new CliError(`Cannot reach ${where} (${code}).`);
  }
}

/** `scheme://host:port` only. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return (
    name === 'TimeoutError' || (error as { type?: unknown } | null)?.type === 'request-timeout'
  );
}

/** The system or TLS code of a fetch failure: on the error itself (node-fetch) or its causes (fetch). */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
