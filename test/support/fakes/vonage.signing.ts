import { createHash, createHmac, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { VONAGE_API_KEY } from './vonage.fake';

/** Signs a receipt the way Vonage does (`sig`, sha256hmac), written here from vendors.md §2.1. */
export function signVonageReceipt(
  params: Record<string, string>,
  secret: string,
): Record<string, string> {
  const signed = Object.keys(params)
    .sort()
    .map((key) => `&${key}=${params[key].replace(/[&=]/g, '_')}`)
    .join('');
  return {
    ...params,
    sig: createHmac('sha256', secret).update(signed).digest('hex').toUpperCase(),
  };
}

/** The Bearer header of a signed webhook: HS256 JWT with `payload_hash` of the body. */
export async function vonageWebhookAuthorization(body: string, secret: string): Promise<string> {
  const jwt = await new SignJWT({
    api_key: VONAGE_API_KEY,
    payload_hash: createHash('sha256').update(body).digest('hex'),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(secret));
  return `Bearer ${jwt}`;
}
