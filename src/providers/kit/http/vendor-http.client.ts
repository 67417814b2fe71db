import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';
import { networkFailure } from './network-failure';
import { readResponse, VendorResponse } from './read-response';
import { ConnectionOptions, ProxySettings, VendorAgents, vendorAgents } from './vendor-connection';

export type { VendorResponse } from './read-response';

export interface VendorRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  /** Already encoded for its content type. */
  body?: string;
  signal: AbortSignal;
}

export interface VendorHttpOptions extends ConnectionOptions {
  baseUrl: string;
}

/** Where one request goes, as node:http takes it: what it would make of a URL on every call. */
type Target = ReturnType<typeof urlToHttpOptions>;

/** Targets remembered per client: a provider calls a handful of paths, but a few hold ids. */
const MAX_TARGETS = 256;

/** Why one send failed, and whether sending again cannot make the vendor send twice. */
class SendFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly retryable: boolean,
  ) {
    super('vendor request failed');
  }
}

/**
 * One provider's outbound HTTP on node:http/https: keep-alive pools to the vendor (through the
 * configured proxy, if any), no redirects, every status returned to the caller for
 * classification. A reused connection that fails before any byte of the answer (the vendor
 * closed it as we reused it) is retried once on a new connection, within the same signal.
 * Network failures and aborts become transient {@link ProviderError}s. (It replaced axios,
 * docs/decisions/0001-vendor-http-client.md.)
 */
export class VendorHttpClient {
  private readonly baseUrl: string;
  private readonly agents: VendorAgents;
  /** Retries only: a new connection each time, closed after its answer. */
  private readonly fresh: VendorAgents;
  private readonly proxy?: ProxySettings;
  private readonly targets = new Map<string, Target>();

  constructor(options: VendorHttpOptions) {
    this.agents = vendorAgents(options);
    this.fresh = vendorAgents(options, false);
    this.proxy = options.proxy;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  request(req: VendorRequest): Promise<VendorResponse> {
    const url = this.targetOf(req.path);
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    const { signal } = req;
    const proxy = url.protocol === 'https:' ? this.proxy?.httpsProxy : this.proxy?.httpProxy;
    if (signal.aborted) return Promise.reject(networkFailure(undefined, signal, proxy));
    return this.send(url, req, headers, this.agents).catch((failure: SendFailure) =>
      this.afterFailure(failure, url, req, headers, proxy),
    );
  }

  private targetOf(path: string): Target {
    const known = this.targets.get(path);
    if (known) return known;
    const target = urlToHttpOptions(
      new URL(/^https?:\/\//.test(path) ? path : this.baseUrl + path),
    );
    if (this.targets.size >= MAX_TARGETS) this.targets.clear();
    this.targets.set(path, target);
    return target;
  }

  /** One more send on a new connection when the first cannot have reached the vendor's answer. */
  private async afterFailure(
    failure: SendFailure,
    url: Target,
    req: VendorRequest,
    headers: Record<string, string | number>,
    proxy: string | undefined,
  ): Promise<VendorResponse> {
    let last = failure;
    if (failure.retryable && !req.signal.aborted) {
      try {
        return await this.send(url, req, headers, this.fresh);
      } catch (retry) {
        last = retry as SendFailure;
      }
    }
    throw networkFailure(last.reason, req.signal, proxy);
  }

  close(): Promise<void> {
    for (const agent of [this.agents.http, this.agents.https, this.fresh.http, this.fresh.https]) {
      agent.destroy();
    }
    return Promise.resolve();
  }

  private send(
    url: Target,
    req: VendorRequest,
    headers: Record<string, string | number>,
    agents: VendorAgents,
  ): Promise<VendorResponse> {
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    return new Promise<VendorResponse>((resolve, reject) => {
      let answered = false;
      const outgoing = send(
        {
          ...url,
          method: req.method,
          headers,
          agent: secure ? agents.https : agents.http,
        },
        (res) =>
          void readResponse(res).then(resolve, (e: unknown) => reject(new SendFailure(e, false))),
      );
      // Only a reused connection may have been closed by the vendor while it sat idle.
      outgoing.once('socket', (socket) => {
        if (outgoing.reusedSocket) socket.once('data', () => (answered = true));
      });
      // One listener of our own rather than the `signal` option, whose stream plumbing
      // (addAbortSignal, end-of-stream listeners) cost more on every request.
      const abort = () => outgoing.destroy(new Error('aborted'));
      req.signal.addEventListener('abort', abort, { once: true });
      outgoing.once('close', () => req.signal.removeEventListener('abort', abort));
      outgoing.on('error', (e) => reject(new SendFailure(e, outgoing.reusedSocket && !answered)));
      outgoing.end(req.body);
    });
  }
}
