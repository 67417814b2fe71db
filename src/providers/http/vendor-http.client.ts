import { HttpService } from '@nestjs/axios';
import axios, { AxiosError, AxiosResponse } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { firstValueFrom } from 'rxjs';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { parseRetryAfter } from './retry-after';

export interface VendorRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  /** Already encoded for its content type. */
  body?: string;
  signal: AbortSignal;
}

export interface VendorResponse {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  /** Raw body text. */
  body: string;
  /** Retry-After in ms, when the vendor sent one. */
  retryAfterMs?: number;
}

export interface VendorHttpOptions {
  baseUrl: string;
  maxSockets: number;
}

/**
 * One provider's outbound HTTP: a keep-alive connection pool to the vendor, no redirects, no
 * environment proxies, every status returned to the caller for classification. Network failures
 * and aborts become transient {@link ProviderError}s.
 */
export class VendorHttpClient {
  private readonly http: HttpService;
  private readonly agents: { http: HttpAgent; https: HttpsAgent };

  constructor(options: VendorHttpOptions) {
    const pool = { keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' as const };
    this.agents = { http: new HttpAgent(pool), https: new HttpsAgent(pool) };
    this.http = new HttpService(
      axios.create({
        baseURL: options.baseUrl.replace(/\/+$/, ''),
        httpAgent: this.agents.http,
        httpsAgent: this.agents.https,
        proxy: false,
        maxRedirects: 0,
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
      }),
    );
  }

  async request(req: VendorRequest): Promise<VendorResponse> {
    let response: AxiosResponse<string>;
    try {
      response = await firstValueFrom(
        this.http.request<string>({
          method: req.method,
          url: req.path,
          headers: req.headers,
          data: req.body,
          signal: req.signal,
        }),
      );
    } catch (error) {
      throw networkError(error, req.signal);
    }
    const headers = flattenHeaders(response.headers);
    return {
      status: response.status,
      headers,
      body: typeof response.data === 'string' ? response.data : '',
      retryAfterMs: parseRetryAfter(headers['retry-after']),
    };
  }

  close(): Promise<void> {
    this.agents.http.destroy();
    this.agents.https.destroy();
    return Promise.resolve();
  }
}

function flattenHeaders(raw: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function networkError(error: unknown, signal: AbortSignal): ProviderError {
  if (signal.aborted) return new ProviderError(ProviderErrorCode.Transient, 'timed out');
  const code = error instanceof AxiosError ? (error.code ?? 'network error') : 'network error';
  return new ProviderError(ProviderErrorCode.Transient, `network error (${code})`);
}
