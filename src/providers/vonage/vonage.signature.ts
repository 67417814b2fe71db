import { createHash, createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import { bearerToken } from '../../common/bearer';
import { safeEqual } from '../../common/safe-equal';
import { VonageSignatureMethod } from './vonage.types';

const HMAC: Readonly<Record<Exclude<VonageSignatureMethod, 'md5hash'>, string>> = {
  md5hmac: 'md5',
  sha1hmac: 'sha1',
  sha256hmac: 'sha256',
  sha512hmac: 'sha512',
};

/**
 * The `sig` of an SMS API receipt (vendors.md §2.1): every parameter but `sig`, keys sorted,
 * each as `&key=value` with `&` and `=` in values replaced by `_`; then md5 of that plus the
 * secret, or an HMAC of it keyed by the secret. Lowercase hex.
 */
export function vonageSmsSignature(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: VonageSignatureMethod,
): string {
  const signed = Object.keys(params)
    .filter((key) => key !== 'sig')
    .sort()
    .map((key) => `&${key}=${params[key].replace(/[&=]/g, '_')}`)
    .join('');
  if (method === 'md5hash')
    return createHash('md5')
      .update(signed + secret)
      .digest('hex');
  return createHmac(HMAC[method], secret).update(signed).digest('hex');
}

/** Whether an SMS API receipt carries a valid `sig` (compared without regard to case). */
export function verifyVonageSmsSignature(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: VonageSignatureMethod,
): boolean {
  const presented = params.sig;
  if (!presented) return false;
  return safeEqual(presented.toLowerCase(), vonageSmsSignature(params, secret, method));
}

/**
 * Whether a signed webhook (Messages status, Voice event) is genuine: `Authorization: Bearer`
 * with an HS256 JWT signed by the account signature secret whose `payload_hash` is the hex
 * SHA-256 of the exact body received (vendors.md §2.3).
 */
export async function verifyVonageSignedWebhook(
  authorization: string | undefined,
  rawBody: Buffer,
  secret: string,
): Promise<boolean> {
  const token = bearerToken(authorization);
  if (!token) return false;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
    });
    const claimed = typeof payload.payload_hash === 'string' ? payload.payload_hash : '';
    return safeEqual(claimed.toLowerCase(), createHash('sha256').update(rawBody).digest('hex'));
  } catch {
    return false;
  }
}
