import { parseJson } from '../kit/http/classify-status';
import { postJson } from '../kit/http/post';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { telnyxError } from './telnyx.errors';

/** Telnyx API v2 over one keep-alive pool: Bearer API key, JSON in and out, classified errors. */
export class TelnyxApi {
  private readonly authorization: string;

  constructor(
    private readonly http: VendorHttpClient,
    apiKey: string,
  ) {
    this.authorization = `Bearer ${apiKey}`;
  }

  /** POSTs `body` to `path`; resolves with the parsed 2xx answer, throws a ProviderError otherwise. */
  async post<T>(path: string, body: unknown, signal: AbortSignal): Promise<T | undefined> {
    const request = { path, body, authorization: this.authorization, signal };
    const response = await postJson(this.http, request, telnyxError);
    return parseJson(response.body) as T | undefined;
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
