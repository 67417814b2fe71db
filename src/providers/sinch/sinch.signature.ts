import { createHash, createHmac } from 'node:crypto';
import { CallbackRequest } from '../provider-callbacks';
import { safeEqual, singleHeader } from '../../common/safe-equal';

/** What a signed Voice API request covers (vendors.md §5.2). */
export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string;
  /** ISO 8601, also sent as `x-timestamp`. */
  readonly timestamp: string;
  readonly body: string;
}

/**
 * `Authorization: Application {key}:{signature}` for the Voice API: base64 HMAC-SHA256, keyed
 * with the base64-decoded application secret, over method, base64 MD5 of the body, content
 * type, `x-timestamp:{ts}` and path, one per line.
 */
export function applicationAuthorization(key: string, secret: string, req: SignedRequest): string {
  const bodyMd5 = createHash('md5').update(req.body, 'utf8').digest('base64');
  const toSign = [
    req.method.toUpperCase(),
    bodyMd5,
    req.contentType,
    `x-timestamp:${req.timestamp}`,
    req.path,
  ].join('\n');
  const signature = createHmac('sha256', Buffer.from(secret, 'base64'))
    .update(toSign, 'utf8')
    .digest('base64');
  return `Application ${key}:${signature}`;
}

/** `x-sinch-webhook-signature`: base64 HMAC-SHA256(secret, body + "." + nonce + "." + timestamp). */
export function webhookSignature(
  secret: string,
  rawBody: Buffer,
  nonce: string,
  timestamp: string,
): string {
  return createHmac('sha256', secret)
    .update(Buffer.concat([rawBody, Buffer.from(`.${nonce}.${timestamp}`, 'utf8')]))
    .digest('base64');
}

/** True when the callback carries a valid Sinch webhook signature for `secret`. */
export function hasValidWebhookSignature(secret: string, request: CallbackRequest): boolean {
  const signature = singleHeader(request.headers['x-sinch-webhook-signature']);
  const nonce = singleHeader(request.headers['x-sinch-webhook-signature-nonce']);
  const timestamp = singleHeader(request.headers['x-sinch-webhook-signature-timestamp']);
  if (!signature || !nonce || !timestamp) return false;
  return safeEqual(signature, webhookSignature(secret, request.rawBody, nonce, timestamp));
}
