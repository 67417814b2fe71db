import { createHmac } from 'node:crypto';
import { CallbackRequest } from '../provider-callbacks';
import { header } from '../kit/webhooks/callback-params';
import { safeEqual } from '../../common/safe-equal';

type MultiMap = Map<string, string[]>;

/**
 * The string Plivo's V3 signature covers (vendors.md §4.4). GET: the URL without its query,
 * then `?` and the query as sorted `k=v&k=v`. POST: the URL without its query, then `?` and
 * the sorted query when there is a query or a body, `.` when there are both, then the body
 * parameters sorted as `key` + `value` with nothing between. Values are compared decoded.
 */
export function plivoV3SignedString(method: string, url: string, body: string): string {
  const [base, query = ''] = url.split('?', 2);
  const queryString = sortedPairs(parse(query), (k, v) => `${k}=${v}`).join('&');
  if (method === 'GET') return queryString ? `${base}?${queryString}` : base;
  const form = parse(body);
  const withQuery = queryString || form.size > 0 ? `${base}?${queryString}` : base;
  const separator = queryString && form.size > 0 ? '.' : '';
  return withQuery + separator + sortedPairs(form, (k, v) => k + v).join('');
}

/** `base64(HMAC-SHA256(authToken, signedString + "." + nonce))`. */
export function plivoV3Signature(authToken: string, signedString: string, nonce: string): string {
  return createHmac('sha256', authToken)
    .update(`${signedString}.${nonce}`, 'utf8')
    .digest('base64');
}

/**
 * Whether a Plivo request is genuine: `X-Plivo-Signature-V3` holds one or more (comma-separated)
 * signatures, one of which matches the request's URL, form body and `X-Plivo-Signature-V3-Nonce`.
 */
export function verifyPlivoSignature(request: CallbackRequest, authToken: string): boolean {
  const presented = header(request, 'x-plivo-signature-v3');
  const nonce = header(request, 'x-plivo-signature-v3-nonce');
  if (!presented || !nonce) return false;
  const body = request.method === 'GET' ? '' : request.rawBody.toString('utf8');
  const signed = plivoV3SignedString(request.method, request.url, body);
  const expected = plivoV3Signature(authToken, signed, nonce);
  let matched = false;
  for (const candidate of presented.split(','))
    matched = safeEqual(candidate.trim(), expected) || matched;
  return matched;
}

function parse(encoded: string): MultiMap {
  const map: MultiMap = new Map();
  for (const [key, value] of new URLSearchParams(encoded))
    map.set(key, [...(map.get(key) ?? []), value]);
  return map;
}

function sortedPairs(map: MultiMap, join: (key: string, value: string) => string): string[] {
  return [...map.keys()]
    .sort()
    .flatMap((key) => [...(map.get(key) ?? [])].sort().map((v) => join(key, v)));
}
