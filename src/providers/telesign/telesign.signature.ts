import { createHmac } from 'node:crypto';
import { safeEqual } from '../../common/safe-equal';
import { CallbackRequest } from '../provider-callbacks';
import { header } from '../kit/webhooks/callback-params';

/**
 * Telesign's callback signature ("Authenticate callbacks"): base64 HMAC-SHA256 of the body's
 * exact bytes, keyed with the base64-decoded API key. Unlike a request to Telesign, nothing else
 * is signed.
 */
export function telesignCallbackSignature(apiKey: string, rawBody: Buffer): string {
  return createHmac('sha256', Buffer.from(apiKey, 'base64')).update(rawBody).digest('base64');
}

/**
 * True when the callback's `Authorization` (or, without it, `X-TS-Authorization`) header is
 * `TSA <our customer id>:<signature of the body>`, and `X-TS-Auth-Method`, when sent, names
 * HMAC-SHA256 (the only method Telesign uses, in either case).
 */
export function hasValidTelesignSignature(
  customerId: string,
  apiKey: string,
  request: CallbackRequest,
): boolean {
  const value = header(request, 'authorization') ?? header(request, 'x-ts-authorization');
  const method = header(request, 'x-ts-auth-method');
  if (!value || (method !== undefined && method.toUpperCase() !== 'HMAC-SHA256')) return false;
  const match = /^TSA ([^:\s]+):(\S+)$/.exec(value.trim());
  if (!match) return false;
  const expected = `${customerId}:${telesignCallbackSignature(apiKey, request.rawBody)}`;
  return safeEqual(`${match[1]}:${match[2]}`, expected);
}
