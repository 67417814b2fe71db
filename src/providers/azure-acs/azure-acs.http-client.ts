import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import { VendorHttpClient, VendorRequest } from '../kit/http/vendor-http.client';

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The Azure SDK's transport, on this provider's own keep-alive client: the provider's proxy, CA
 * and pool apply to the SMS calls and to Entra ID token requests alike, and a network failure
 * comes out as our transient error. The SDK's `Accept-Encoding` is dropped, since this client
 * does not inflate answers.
 */
export class AzureHttpClient implements HttpClient {
  constructor(private readonly http: VendorHttpClient) {}

  async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    const { body } = request;
    if (body !== undefined && typeof body !== 'string') {
      throw new Error('only string request bodies are supported');
    }
    if (!METHODS.includes(request.method)) throw new Error(`unsupported method ${request.method}`);
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) {
      if (name.toLowerCase() !== 'accept-encoding') headers[name] = value;
    }
    const response = await this.http.request({
      method: request.method as VendorRequest['method'],
      path: request.url,
      headers,
      body,
      signal: (request.abortSignal ?? new AbortController().signal) as AbortSignal,
    });
    const { createHttpHeaders } = await restPipeline();
    const answerHeaders = createHttpHeaders();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) answerHeaders.set(name, value);
    }
    return { request, status: response.status, headers: answerHeaders, bodyAsText: response.body };
  }
}

let pipeline: Promise<typeof import('@azure/core-rest-pipeline')> | undefined;
/** The Azure SDK's pipeline, imported by the first Azure send (not at boot), once. */
function restPipeline(): Promise<typeof import('@azure/core-rest-pipeline')> {
  return (pipeline ??= import('@azure/core-rest-pipeline'));
}
