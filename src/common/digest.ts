import { createHash } from 'node:crypto';

/** A SHA-256 digest (base64url) of personal data that keys a store entry, so the store never holds it. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
