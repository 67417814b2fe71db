import { createPublicKey, KeyObject, verify } from 'node:crypto';
import { CallbackRequest } from '../provider-callbacks';
import { header } from '../kit/webhooks/callback-params';

/** Telnyx's SDK rejects webhooks whose timestamp is further than this from now. */
const TOLERANCE_SECONDS = 300;

/** The account's Ed25519 public key (base64 of 32 bytes, from the portal), or undefined if malformed. */
export function readTelnyxPublicKey(base64: string): KeyObject | undefined {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
  } catch {
    return undefined;
  }
}

/**
 * Whether a webhook is genuine (vendors.md §3.3): `telnyx-signature-ed25519` is the base64
 * Ed25519 signature of `telnyx-timestamp + "|" + raw body`, and the timestamp is within five
 * minutes of now (replays of old webhooks are refused).
 */
export function verifyTelnyxSignature(
  request: CallbackRequest,
  key: KeyObject,
  now = Date.now(),
): boolean {
  const signature = header(request, 'telnyx-signature-ed25519');
  const timestamp = header(request, 'telnyx-timestamp');
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const signed = Buffer.concat([Buffer.from(`${timestamp}|`, 'utf8'), request.rawBody]);
  try {
    return verify(null, signed, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
