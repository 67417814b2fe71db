/** `Authorization: Bearer <token>`, the scheme in any case (RFC 9110 §11.1: case-insensitive). */
const BEARER = /^Bearer +(\S+) *$/i;

/** The token of a Bearer `Authorization` header, or undefined when there is none. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1];
}
