import { hash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret or signature with the expected one in constant time. Both sides
 * are hashed first, so different lengths neither throw nor leak through timing.
 */
export function safeEqual(presented: string, expected: string): boolean {
  return timingSafeEqual(secretDigest(presented), secretDigest(expected));
}

/**
 * The SHA-256 digest {@link safeEqual} compares: for a secret compared many times, made once and
 * compared with `timingSafeEqual`.
 */
export function secretDigest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/** The one value of a header, or undefined when it is missing or repeated. */
export function singleHeader(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}
