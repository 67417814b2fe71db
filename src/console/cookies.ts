import { createHmac } from 'node:crypto';
import { safeEqual } from '../common/safe-equal';

/**
 * The console's two cookies. `__Host-` makes the browser refuse them unless Secure, for the
 * whole host, from a secure origin (http://localhost and 127.0.0.1 count as secure).
 */
export const SESSION_COOKIE = '__Host-otg-console';
export const SIGN_IN_COOKIE = '__Host-otg-console-sign-in';

/** The value of one cookie of a `cookie` header, if it is there once. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  const values = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
  return values.length === 1 ? values[0] : undefined;
}

/** A `set-cookie` value: HttpOnly, Secure, SameSite=Lax, whole host; `maxAgeSeconds` 0 deletes. */
export function cookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;
}

/** `value.signature`, the signature an HMAC-SHA-256 of the value with the key. */
export function sign(value: string, key: string): string {
  return `${value}.${signature(value, key)}`;
}

/** The value of a signed cookie, or undefined when the signature does not match. */
export function unsign(signed: string | undefined, key: string): string | undefined {
  const dot = signed?.lastIndexOf('.') ?? -1;
  if (!signed || dot <= 0) return undefined;
  const value = signed.slice(0, dot);
  return safeEqual(signed.slice(dot + 1), signature(value, key)) ? value : undefined;
}

function signature(value: string, key: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}
