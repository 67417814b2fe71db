import { hash } from 'node:crypto';

/** Hex digits kept: 16 bits, so a tag narrows a match without naming the number (see docs/events.md). */
const TAG_LENGTH = 4;

/**
 * A short, per-user digest of a phone number, for matching Okta's events to deliveries without
 * storing the number. It is salted with the user id and cut to 16 bits on purpose: a given tag
 * fits tens of thousands of numbers of the same country, so it cannot be turned back into the
 * number, while two numbers of one user collide once in 65,536.
 */
export function phoneTag(userId: string, e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return hash('sha256', `${userId}\n+${digits}`, 'hex').slice(0, TAG_LENGTH);
}
