import { ProviderError } from '../../provider-error';
import { VendorHttpClient, VendorResponse } from './vendor-http.client';

/** A POST to a vendor API: where, with which credentials, within which signal. */
interface VendorPost {
  readonly path: string;
  readonly authorization: string;
  readonly signal: AbortSignal;
}

/** `Basic` credentials of a user and password (account SID and token, API key and secret...). */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** A JSON POST to a vendor API; a non-2xx answer becomes the vendor's classified error. */
export function postJson(
  http: VendorHttpClient,
  request: VendorPost & { body: unknown },
  toError: (response: VendorResponse) => ProviderError,
): Promise<VendorResponse> {
  return post(http, request, 'application/json', JSON.stringify(request.body), toError);
}

/** A form-encoded POST to a vendor API; a non-2xx answer becomes the vendor's classified error. */
export function postForm(
  http: VendorHttpClient,
  request: VendorPost & { form: URLSearchParams | Readonly<Record<string, string>> },
  toError: (response: VendorResponse) => ProviderError,
): Promise<VendorResponse> {
  const { form } = request;
  const body = (form instanceof URLSearchParams ? form : new URLSearchParams(form)).toString();
  return post(http, request, 'application/x-www-form-urlencoded', body, toError);
}

async function post(
  http: VendorHttpClient,
  { path, authorization, signal }: VendorPost,
  contentType: string,
  body: string,
  toError: (response: VendorResponse) => ProviderError,
): Promise<VendorResponse> {
  const response = await http.request({
    method: 'POST',
    path,
    headers: { authorization, 'content-type': contentType, accept: 'application/json' },
    body,
    signal,
  });
  if (response.status < 200 || response.status >= 300) throw toError(response);
  return response;
}
