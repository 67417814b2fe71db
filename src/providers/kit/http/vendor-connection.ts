import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { getCACertificates } from 'node:tls';
import { NO_PROXY_VALUES, OutboundConfig } from './outbound.config';

/** The proxies one provider's calls go through. */
export interface ProxySettings {
  readonly httpsProxy?: string;
  readonly httpProxy?: string;
  /** Hosts reached directly, in `NO_PROXY` syntax. */
  readonly noProxy?: string;
}

/** How one provider connects to its vendor; the same for our client and the AWS SDK's. */
export interface ConnectionOptions {
  /** Keep-alive connections kept open per vendor origin. */
  readonly maxSockets: number;
  /** An idle keep-alive connection is closed after this long; keep it below the vendor's. */
  readonly idleTimeoutMs?: number;
  /** Undefined: straight to the vendor. */
  readonly proxy?: ProxySettings;
  /** PEM CA certificates trusted besides Node's default ones. */
  readonly ca?: string;
}

export interface VendorAgents {
  readonly http: HttpAgent;
  readonly https: HttpsAgent;
}

/** The settings of one provider block whose connection options are read here. */
export interface ConnectionConfig {
  readonly maxSockets: number;
  readonly idleTimeoutMs: number;
  readonly proxyUrl?: string;
  readonly caFile?: string;
}

/** One provider's connection options: its own keys, and `outbound` unless `proxyUrl` is set. */
export function connectionOptions(
  provider: ConnectionConfig,
  outbound: OutboundConfig,
): ConnectionOptions {
  return {
    maxSockets: provider.maxSockets,
    idleTimeoutMs: provider.idleTimeoutMs,
    proxy: providerProxy(provider.proxyUrl, outbound),
    ca: provider.caFile ? readFileSync(provider.caFile, 'utf8') : undefined,
  };
}

/** A provider's `proxyUrl` wins over the environment's proxies; `""` or `none` means none. */
export function providerProxy(
  proxyUrl: string | undefined,
  outbound: OutboundConfig,
): ProxySettings | undefined {
  if (proxyUrl !== undefined) {
    return NO_PROXY_VALUES.includes(proxyUrl)
      ? undefined
      : { httpsProxy: proxyUrl, httpProxy: proxyUrl };
  }
  const httpsProxy = usable(outbound.httpsProxy);
  const httpProxy = usable(outbound.httpProxy);
  if (!httpsProxy && !httpProxy) return undefined;
  return { httpsProxy, httpProxy, noProxy: outbound.noProxy };
}

/**
 * Keep-alive pools to the vendor: one per origin, or per proxy and origin. Proxying is Node's
 * own (`proxyEnv`, Node ≥ 24.5): CONNECT tunnels for https, absolute-form requests for http,
 * `NO_PROXY` per request host. Without a proxy `proxyEnv` is empty: the process environment is
 * never handed to Node.
 */
export function vendorAgents(options: ConnectionOptions, keepAlive = true): VendorAgents {
  const { proxy } = options;
  const pool = {
    keepAlive,
    maxSockets: options.maxSockets,
    scheduling: 'lifo' as const,
    timeout: options.idleTimeoutMs,
    proxyEnv: proxy
      ? { HTTPS_PROXY: proxy.httpsProxy, HTTP_PROXY: proxy.httpProxy, NO_PROXY: proxy.noProxy }
      : {},
  };
  const ca = options.ca ? [...getCACertificates('default'), options.ca] : undefined;
  return { http: new HttpAgent(pool), https: new HttpsAgent({ ...pool, ca }) };
}

function usable(url: string | undefined): string | undefined {
  return url === undefined || NO_PROXY_VALUES.includes(url) ? undefined : url;
}
