import { ProviderError } from '../../provider-error';
import { VendorHttpClient, VendorResponse } from './vendor-http.client';

/** A JSON POST to a vendor API; a non-2xx answer becomes the vendor's classified error. */
export async function postJson(
  http: VendorHttpClient,
  request: { path: string; body: unknown; authorization: string; signal: AbortSignal },
  toError: (response: VendorResponse) => ProviderError,
): Promise<VendorResponse> {
  const response = await http.request({
    method: 'POST',
    path: request.path,
    headers: {
      authorization: request.authorization,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(request.body),
    signal: request.signal,
  });
  if (response.status < 200 || response.status >= 300) throw toError(response);
  return response;
}
