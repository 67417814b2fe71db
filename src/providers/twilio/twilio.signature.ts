import { createHmac } from 'node:crypto';
import { CallbackRequest } from '../provider-callbacks';
import { safeEqual, singleHeader } from '../../common/safe-equal';

type Params = Readonly<Record<string, string | string[]>>;

/**
 * `X-Twilio-Signature` (vendors.md §1.4): base64 HMAC-SHA1, keyed with the auth token, over the
 * full URL Twilio called followed by every form parameter as name + value, names sorted (the
 * values of a repeated name sorted and deduplicated).
 */
export function twilioSignature(authToken: string, url: string, params: Params): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * True when the callback carries a valid signature for the URL as called, or the same URL with
 * the default port added or removed (Twilio's own validator accepts both).
 */
export function hasValidTwilioSignature(authToken: string, request: CallbackRequest): boolean {
  const presented = singleHeader(request.headers['x-twilio-signature']);
  if (!presented) return false;
  let valid = false;
  for (const url of urlVariants(request.url)) {
    valid = safeEqual(presented, twilioSignature(authToken, url, request.params)) || valid;
  }
  return valid;
}

function urlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const port = parsed.protocol === 'https:' ? '443' : '80';
  const rest = `${parsed.pathname}${parsed.search}`;
  const auth = parsed.username ? `${parsed.username}:${parsed.password}@` : '';
  const host = `${parsed.protocol}//${auth}${parsed.hostname}`;
  return [url, `${host}${rest}`, `${host}:${port}${rest}`];
}
