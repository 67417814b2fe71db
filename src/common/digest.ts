import { hash } from 'node:crypto';

/** A SHA-256 digest (base64url) of personal data that keys a store entry, so the store never holds it. */
export function digest(value: string): string {
  return hash('sha256', value, 'base64url');
}
