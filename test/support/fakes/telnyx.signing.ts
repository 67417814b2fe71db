import { generateKeyPairSync, KeyObject, randomUUID, sign } from 'node:crypto';

/** The account's webhook signing key; the gateway is given the public half. */
const keys = generateKeyPairSync('ed25519');
export const TELNYX_PUBLIC_KEY = Buffer.from(
  keys.publicKey.export({ format: 'jwk' }).x ?? '',
  'base64url',
).toString('base64');

/** A webhook body as Telnyx sends it. */
export function telnyxEvent(eventType: string, payload: Record<string, unknown>): string {
  return JSON.stringify({
    data: {
      event_type: eventType,
      id: randomUUID(),
      occurred_at: new Date().toISOString(),
      payload,
      record_type: 'event',
    },
    meta: { attempt: 1 },
  });
}

/** `telnyx-timestamp` and `telnyx-signature-ed25519` over `timestamp|body` (vendors.md §3.3). */
export function signedHeaders(
  body: string,
  options: { key?: KeyObject; timestamp?: number } = {},
): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`), options.key ?? keys.privateKey);
  return {
    'content-type': 'application/json',
    'telnyx-timestamp': timestamp,
    'telnyx-signature-ed25519': signature.toString('base64'),
  };
}
