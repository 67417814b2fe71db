import { createHmac, randomBytes } from 'node:crypto';
import { StoreConfig } from '../store/store.config';
import { RecordsConfig } from './records.config';

/** Injection token of the {@link PhoneDigest}, null when last-four search is off. */
export const PHONE_DIGEST = Symbol('PHONE_DIGEST');

/**
 * The keyed hash of a number's last four digits for one user (`records.phoneLast4Key`): what a
 * delivery's search index keeps instead of the digits. Without the key, the four digits cannot
 * be told from the hash; a search computes it again and compares.
 */
export class PhoneDigest {
  private constructor(private readonly key: string | Buffer) {}

  /**
   * The configured key; without one, a key of this process for the memory driver (its index
   * dies with the process), and none for Redis (replicas would disagree).
   */
  static of(records: RecordsConfig, store: StoreConfig): PhoneDigest | undefined {
    if (records.phoneLast4Key) return new PhoneDigest(records.phoneLast4Key);
    return store.driver === 'memory' ? new PhoneDigest(randomBytes(32)) : undefined;
  }

  /** 16 characters of base64url: 96 bits, more than enough to tell 10,000 values apart. */
  of(identity: string, lastFour: string): string {
    return createHmac('sha256', this.key)
      .update(`${identity}\n${lastFour}`)
      .digest('base64url')
      .slice(0, 16);
  }
}

/** The last four digits of an E.164 number. */
export function lastFourOf(e164: string): string | undefined {
  const digits = e164.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : undefined;
}
