import { isIP } from 'node:net';
import { ProviderError, ProviderErrorCode } from '../../provider-error';

interface SystemError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly syscall?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly hostname?: unknown;
}

/**
 * A request that got no usable answer, as a transient error: `timed out` after an abort, the
 * proxy named (host and port only) when it is the proxy that failed, else the system code.
 */
export function networkFailure(
  error: unknown,
  signal: AbortSignal,
  proxyUrl: string | undefined,
): ProviderError {
  if (signal.aborted) return new ProviderError(ProviderErrorCode.Transient, 'timed out');
  const failed = (typeof error === 'object' && error !== null ? error : {}) as SystemError;
  const code = typeof failed.code === 'string' ? failed.code : 'failed';
  const proxy = proxyUrl ? new URL(proxyUrl) : undefined;
  if (proxy && code === 'ERR_PROXY_TUNNEL') {
    const status = /HTTP\/1\.[01] (\d{3})/.exec(String(failed.message))?.[1];
    const answer = status ? `HTTP ${status}` : 'no answer';
    return new ProviderError(
      ProviderErrorCode.Transient,
      `proxy ${label(proxy)} refused the tunnel (${answer})`,
    );
  }
  if (proxy && isProxyConnection(failed, proxy)) {
    return new ProviderError(
      ProviderErrorCode.Transient,
      `proxy ${label(proxy)} unreachable (${code})`,
    );
  }
  return new ProviderError(ProviderErrorCode.Transient, `network error (${code})`);
}

/** A failed DNS look-up or connect aimed at the proxy rather than the vendor. */
function isProxyConnection(error: SystemError, proxy: URL): boolean {
  if (error.hostname === proxy.hostname) return true;
  if (error.syscall !== 'connect' || error.port !== Number(port(proxy))) return false;
  return isIP(proxy.hostname) === 0 || error.address === proxy.hostname;
}

/** Host and port only: a proxy URL may carry credentials. */
function label(proxy: URL): string {
  return `${proxy.hostname}:${port(proxy)}`;
}

function port(proxy: URL): string {
  return proxy.port || (proxy.protocol === 'https:' ? '443' : '80');
}
