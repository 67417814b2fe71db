import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = 'okta-telephony-gateway sealed token';

interface Envelope {
  readonly exp: number;
  readonly data: unknown;
}

/**
 * Short-lived AES-256-GCM tokens for what must travel through a vendor and come back (a call
 * script in an answer URL, a Telnyx `client_state`): whoever reads them learns nothing, any
 * change is detected, and every replica can open them without shared state. The key is derived
 * (HKDF-SHA256) from a configured secret and a purpose, so one secret yields unrelated keys.
 */
export class SealedTokens {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32));
  }

  /** `data` sealed until `ttlMs` from `now`, as base64url. */
  seal(data: unknown, ttlMs: number, now = Date.now()): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const envelope: Envelope = { exp: now + ttlMs, data };
    const body = Buffer.concat([cipher.update(JSON.stringify(envelope), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The sealed data, or undefined when the token is malformed, altered, foreign or expired. */
  open(token: string, now = Date.now()): unknown {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]);
      const envelope = JSON.parse(plain.toString('utf8')) as Envelope;
      return typeof envelope.exp === 'number' && envelope.exp > now ? envelope.data : undefined;
    } catch {
      return undefined;
    }
  }
}
