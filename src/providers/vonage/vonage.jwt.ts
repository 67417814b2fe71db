import { createPrivateKey, KeyObject, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/** Vonage's SDK default lifetime for application tokens (vendors.md §2.3). */
const TTL_SECONDS = 900;

/** The application's private key, or undefined when the PEM cannot be read. */
export function readPrivateKey(pem: string): KeyObject | undefined {
  try {
    // A key passed through an environment variable often arrives with literal "\n".
    return createPrivateKey(pem.replace(/\\n/g, '\n'));
  } catch {
    return undefined;
  }
}

/**
 * The Bearer token of Vonage application APIs (Voice, Messages): an RS256 JWT with
 * `application_id`, `iat`, `exp` and a fresh `jti`, signed with the application's private key.
 */
export class VonageApplicationToken {
  constructor(
    private readonly applicationId: string,
    private readonly privateKey: KeyObject,
  ) {}

  async authorization(now = Date.now()): Promise<string> {
    const iat = Math.floor(now / 1000);
    const jwt = await new SignJWT({ application_id: this.applicationId })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return `Bearer ${jwt}`;
  }
}
