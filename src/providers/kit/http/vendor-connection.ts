import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
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
  const { proxy, idleTimeoutMs } = options;
  const pool = {
    keepAlive,
    maxSockets: options.maxSockets,
    scheduling: 'lifo' as const,
    proxyEnv: proxy
      ? { HTTPS_PROXY: proxy.httpsProxy, HTTP_PROXY: proxy.httpProxy, NO_PROXY: proxy.noProxy }
      : {},
  };
  const ca = options.ca ? [...getCACertificates('default'), options.ca] : undefined;
  return {
    http: closeWhenIdle(new HttpAgent(pool), idleTimeoutMs),
    https: closeWhenIdle(new HttpsAgent({ ...pool, ca }), idleTimeoutMs),
  };
}

/** Node's default interval of TCP keep-alive probes on a kept connection (`keepAliveMsecs`). */
const KEEP_ALIVE_PROBE_MS = 1000;

/**
 * A connection kept for the next request is closed once idle for `idleMs`. The timeout is set
 * on the socket itself, once per socket, and the agent destroys a free socket whose timeout
 * fires. This does not use the agent's `timeout` option: with it, node:http also arms a timeout
 * listener on every request, and in about half of the processes V8 then pretenured an object
 * that kept each request's short-lived objects alive until the next mark-compact (11–12 ms
 * scavenges instead of 3; docs/performance.md, "two kinds of gateway process"). Node's own
 * keep-alive steps are documented: TCP keep-alive, unref. The vendor's `Keep-Alive: timeout`
 * hint is not read. `idleTimeoutMs` is set below the vendor's, and a reused connection the
 * vendor has closed is retried once (vendor-http.client.ts).
 */
function closeWhenIdle<T extends HttpAgent>(agent: T, idleMs: number | undefined): T {
  if (idleMs === undefined) return agent;
  agent.keepSocketAlive = (kept) => {
    const socket = kept as Socket;
    socket.setKeepAlive(true, KEEP_ALIVE_PROBE_MS);
    socket.unref();
    if (socket.timeout !== idleMs) socket.setTimeout(idleMs);
    return true;
  };
  return agent;
}

function usable(url: string | undefined): string | undefined {
  return url === undefined || NO_PROXY_VALUES.includes(url) ? undefined : url;
}
