import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented signature with the expected one in constant time: both are hashed to
 * fixed-length digests first, so neither length nor content leaks through timing.
 */
export function safeEqual(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
